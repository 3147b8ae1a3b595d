// Bundle-size probe for scripts/bench/engine.ts: the tables the engine imports, alone.
export { HANDSHAPES } from '../../src/core/sign/handshapes'
export { SITES } from '../../src/core/sign/sites'
