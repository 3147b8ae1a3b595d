// Bundle-size probe for scripts/bench/engine.ts: the tables the engine imports, alone.
export { HANDSHAPES } from '../../src/core/avatar/handshapes'
export { SITES } from '../../src/core/avatar/sites'
