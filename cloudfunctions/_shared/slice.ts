/**
 * Keeping one process responsive while it does heavy work (a big progress sync): the work runs in
 * slices of at most SLICE_MS, yielding to the event loop between slices, and at most a few heavy
 * jobs run at once (a Lane), so a small call (a translation) waits for at most a slice or two,
 * never for the whole queue. Locally every function shares the `npm start` process; in WeChat an
 * instance may serve concurrent calls too. Platform code (timers): never in src/core.
 */

/** ms of uninterrupted work before yielding: a translation waiting behind it stays far under 50 ms. */
export const SLICE_MS = 4

/** Lets timers, I/O and other requests run, then continues. */
export function yieldToLoop (): Promise<void> {
  return new Promise(resolve => setImmediate(resolve))
}

/** Counts time since the last yield; `tick()` yields once a slice is used up. */
export class Slicer {
  private start: number
  constructor (private readonly sliceMs = SLICE_MS, private readonly now: () => number = () => performance.now()) {
    this.start = now()
  }

  /** Call between small units of work. */
  async tick (): Promise<void> {
    if (this.now() - this.start < this.sliceMs) return
    await yieldToLoop()
    this.start = this.now()
  }

  /** Yields now (before a step that cannot be split, so it starts with a fresh slice). */
  async yieldNow (): Promise<void> {
    await yieldToLoop()
    this.start = this.now()
  }
}

/** A FIFO semaphore: at most `width` jobs run at once, the others wait their turn (no CPU). */
export class Lane {
  private running = 0
  private readonly waiting: Array<() => void> = []
  constructor (readonly width: number) {}

  async run<T> (job: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>(resolve => this.waiting.push(resolve))
    else this.running++
    try {
      return await job()
    } finally {
      const next = this.waiting.shift()
      if (next) next() // the slot passes straight to the next job
      else this.running--
    }
  }

  /** Jobs running or waiting (for tests and logs). */
  get load (): number {
    return this.running + this.waiting.length
  }
}
