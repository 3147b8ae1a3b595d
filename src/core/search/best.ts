/**
 * The one best-N collector of search: keeps the best `room` candidates, one per entry, ordered by
 * (sub, rank) — a smaller sub-tier or distance first, then the entry's place in the global tie
 * order. An insertion buffer, not a sort of everything: a one-letter query has hundreds of
 * candidates and room is at most MAX_LIMIT. Used per tier by search() and by nearestWords().
 */
export interface Candidate {
  /** Entry index. */
  e: number
  /** Sub-tier or distance: smaller is better. */
  sub: number
}

export class BestN<C extends Candidate> {
  items: C[] = []

  constructor (private readonly rank: Int32Array, private room: number) {}

  /** Empties the buffer for a new round with `room` places. */
  reset (room: number): void {
    this.items = []
    this.room = room
  }

  /** The candidate that would be dropped next, when the buffer is full. */
  get worst (): C | undefined {
    return this.items.length >= this.room ? this.items[this.items.length - 1] : undefined
  }

  private better (x: Candidate, y: Candidate): boolean {
    return x.sub !== y.sub ? x.sub < y.sub : this.rank[x.e] < this.rank[y.e]
  }

  /** Offers a candidate; an entry already kept is replaced only by a better offer. */
  offer (c: C): void {
    const buf = this.items
    const dup = buf.findIndex(d => d.e === c.e)
    if (dup >= 0) {
      if (!this.better(c, buf[dup])) return
      buf.splice(dup, 1)
    }
    if (buf.length >= this.room && (buf.length === 0 || !this.better(c, buf[buf.length - 1]))) return
    let i = buf.length
    while (i > 0 && this.better(c, buf[i - 1])) i--
    buf.splice(i, 0, c)
    if (buf.length > this.room) buf.pop()
  }
}
