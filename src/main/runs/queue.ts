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

/**
 * Ready work in order (lookups first, then sending order) plus delayed work in a min-heap by
 * ready time, so a 20,000-row run with many rows backing off stays O(log n) per step.
 */
export class WorkQueue {
  private ready: Work[] = []
  private readyHead = 0
  private heap: Work[] = []

  get size(): number {
    return this.ready.length - this.readyHead + this.heap.length
  }

  get readyCount(): number {
    return this.ready.length - this.readyHead
  }

  push(w: Work, now: number): void {
    if (w.readyAt <= now) this.ready.push(w)
    else this.heapPush(w)
  }

  /** Moves delayed work whose time has come to the ready list. */
  promote(now: number): void {
    while (this.heap.length && this.heap[0].readyAt <= now) this.ready.push(this.heapPop()!)
  }

  /** The next ready item that `accept` allows; items it refuses stay in place. */
  take(accept: (w: Work) => boolean = () => true): Work | undefined {
    for (let i = this.readyHead; i < this.ready.length; i++) {
      const w = this.ready[i]
      if (!accept(w)) continue
      if (i === this.readyHead) {
        this.readyHead++
        if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
          this.ready = this.ready.slice(this.readyHead)
          this.readyHead = 0
        }
      } else this.ready.splice(i, 1)
      return w
    }
    return undefined
  }

  /** Ms until the earliest delayed item is due (undefined when none). */
  nextDelay(now: number): number | undefined {
    return this.heap.length ? Math.max(0, this.heap[0].readyAt - now) : undefined
  }

  /** Everything still queued (ready and delayed). */
  all(): Work[] {
    return [...this.ready.slice(this.readyHead), ...this.heap]
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
