// Bundle-size probe for scripts/bench/engine.ts: the vocabulary the engine imports, alone — the
// handshapes' geometry (handshape-forms.ts). Their Chinese texts and the site table are not in the
// engine (test/unit/architecture.test.ts).
export { HANDSHAPE_FORMS } from '../../src/core/sign/handshape-forms'
