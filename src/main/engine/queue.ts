export type LookupCause = 'ambiguous' | 'lost' | 'rejected_toggle' | 'interrupted' | 'retry' | 'in_between'

/** One invoice the engine still has to work on during a run. */
export interface Work {
  id: number
  seq: number
  ref: string
  /** What the next step is: send (pending) or look up (unknown). */
  state: 'pending' | 'unknown'
  /** Sent before this run (or in it): counts against the canary. */
  sentBefore: boolean
  /**
   * Why it needs a lookup: 'ambiguous' (a 5xx answer: may exist), 'lost' (sent, no answer),
   * 'rejected_toggle' (a 400 while a toggle was sent), 'interrupted' (the process died while it
   * was out), 'retry' (the user retried it), 'in_between' (Dintero holds a transaction that may
   * still become the invoice).
   */
  cause: LookupCause | null
  /** The 400's message, kept in case the lookup finds nothing. */
  rejection?: { status?: number; code?: string; message: string }
  /** Transient faults that count against its tries (while Dintero is reachable). */
  tries: number
  /** Every fault this run, for the backoff's exponent. */
  faults: number
  /** Lookups in a row that found nothing while the invoice may exist unseen (lists may lag). */
  emptyLookups: number
  firstEmptyAt: number | null
  /** Times an in-between transaction was found still waiting. */
  waits: number
  /** The in-between transaction Dintero answered with: checked by id (at once, unlike a list). */
  transactionId?: string
  readyAt: number
}

/** One list of ready work, consumed from a moving head (amortised O(1) per take). */
class ReadyList {
  items: Work[] = []
  head = 0

  get length(): number {
    return this.items.length - this.head
  }

  take(accept: (w: Work) => boolean): Work | undefined {
    for (let i = this.head; i < this.items.length; i++) {
      const w = this.items[i]
      if (!accept(w)) continue
      if (i === this.head) {
        this.head++
        if (this.head > 1024 && this.head * 2 > this.items.length) {
          this.items = this.items.slice(this.head)
          this.head = 0
        }
      } else this.items.splice(i, 1)
      return w
    }
    return undefined
  }

  all(): Work[] {
    return this.items.slice(this.head)
  }
}

/**
 * Ready work in order plus delayed work in a min-heap by ready time, so a 20,000-row run with
 * many rows backing off stays O(log n) per step. Work already begun — lookups, and invoices
 * coming back from a backoff — goes before invoices not sent yet: a fault's lookup and resend then
 * happen while fresh invoices still keep the pace busy, instead of piling up after the last one.
 */
export class WorkQueue {
  private begun = new ReadyList()
  private fresh = new ReadyList()
  private heap: Work[] = []

  get size(): number {
    return this.begun.length + this.fresh.length + this.heap.length
  }

  get readyCount(): number {
    return this.begun.length + this.fresh.length
  }

  private ready(w: Work): ReadyList {
    return w.state === 'unknown' || w.faults > 0 || w.waits > 0 ? this.begun : this.fresh
  }

  push(w: Work, now: number): void {
    if (w.readyAt <= now) this.ready(w).items.push(w)
    else this.heapPush(w)
  }

  /** Moves delayed work whose time has come to the ready lists. */
  promote(now: number): void {
    while (this.heap.length && this.heap[0].readyAt <= now) {
      const w = this.heapPop()!
      this.ready(w).items.push(w)
    }
  }

  /** The next ready item that `accept` allows; items it refuses stay in place. */
  take(accept: (w: Work) => boolean = () => true): Work | undefined {
    return this.begun.take(accept) ?? this.fresh.take(accept)
  }

  /** Ms until the earliest delayed item is due (undefined when none). */
  nextDelay(now: number): number | undefined {
    return this.heap.length ? Math.max(0, this.heap[0].readyAt - now) : undefined
  }

  /** Everything still queued (ready and delayed). */
  all(): Work[] {
    return [...this.begun.all(), ...this.fresh.all(), ...this.heap]
  }

  private heapPush(w: Work): void {
    const h = this.heap
    h.push(w)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (h[p].readyAt <= h[i].readyAt) break
      ;[h[p], h[i]] = [h[i], h[p]]
      i = p
    }
  }

  private heapPop(): Work | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (h.length && last) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && h[l].readyAt < h[m].readyAt) m = l
        if (r < h.length && h[r].readyAt < h[m].readyAt) m = r
        if (m === i) break
        ;[h[m], h[i]] = [h[i], h[m]]
        i = m
      }
    }
    return top
  }
}
