/** The scheduler's view of an outage, for the progress display. */
export interface OutageStatus {
  /** Ms until the next probe request goes (0 while it is out). */
  retryInMs: number
  /** Pauses so far in this outage (the backoff grows with each failed probe). */
  level: number
}

type Outcome = 'accepted' | 'throttled' | 'error' | 'none'

export interface AnswerWindowOptions {
  /** How far back answers count (default 5 s). */
  windowMs?: number
  /** Answers needed in the window before its error share means anything (default 20). */
  minAnswers?: number
  /** Share of errors that means "down" (default 0.5). */
  errorShare?: number
  /** Errors in a row that mean "down" whatever the window says (default 10). */
  errorsInARow?: number
  /** First pause and its cap; each failed probe doubles it (default 2 s, 30 s). */
  pauseMs?: number
  maxPauseMs?: number
}

/**
 * Tells "Dintero is down" from "some invoices hit faults". Keeps the last few seconds of answers;
 * when most are errors (or many come in a row) it declares an outage: sending pauses for a
 * backoff that doubles with each failed probe, then exactly one request goes as a probe. Any
 * answer that is not an error ends the outage at once and clears the record, so sending resumes
 * at full pace.
 */
export class AnswerWindow {
  private readonly windowMs: number
  private readonly minAnswers: number
  private readonly errorShare: number
  private readonly errorsInARow: number
  private readonly pauseMs: number
  private readonly maxPauseMs: number
  private times: number[] = []
  private errs: boolean[] = []
  private errors = 0
  private inARow = 0
  private down: { level: number; until: number; probing: boolean } | null = null
  private flipped = false

  constructor(o: AnswerWindowOptions = {}) {
    this.windowMs = o.windowMs ?? 5000
    this.minAnswers = o.minAnswers ?? 20
    this.errorShare = o.errorShare ?? 0.5
    this.errorsInARow = o.errorsInARow ?? 10
    this.pauseMs = o.pauseMs ?? 2000
    this.maxPauseMs = o.maxPauseMs ?? 30_000
  }

  private pause(level: number): number {
    return Math.min(this.maxPauseMs, this.pauseMs * 2 ** Math.min(level - 1, 20))
  }

  private prune(now: number): void {
    let i = 0
    while (i < this.times.length && this.times[i] < now - this.windowMs) {
      if (this.errs[i]) this.errors--
      i++
    }
    if (i > 0) {
      this.times.splice(0, i)
      this.errs.splice(0, i)
    }
  }

  record(outcome: Outcome, now: number): void {
    if (outcome === 'none') {
      // The probe's slot asked nothing of Dintero: let another request probe.
      if (this.down?.probing) this.down.probing = false
      return
    }
    const error = outcome === 'error'
    this.prune(now)
    this.times.push(now)
    this.errs.push(error)
    if (error) {
      this.errors++
      this.inARow++
    } else this.inARow = 0
    if (!error) {
      if (this.down) {
        this.down = null
        this.times = []
        this.errs = []
        this.errors = 0
        this.flipped = true
      }
      return
    }
    if (this.down) {
      // Errors of requests sent before the pause say nothing new; the probe's does.
      if (this.down.probing) {
        const level = this.down.level + 1
        this.down = { level, until: now + this.pause(level), probing: false }
        this.flipped = true
      }
      return
    }
    const n = this.times.length
    if (this.inARow >= this.errorsInARow || (n >= this.minAnswers && this.errors >= n * this.errorShare)) {
      this.down = { level: 1, until: now + this.pause(1), probing: false }
      this.flipped = true
    }
  }

  /** null: send freely; a time: paused until then; 'probe': the next request is the probe; 'probing': wait for it. */
  gate(now: number): null | number | 'probe' | 'probing' {
    if (!this.down) return null
    if (this.down.probing) return 'probing'
    return now < this.down.until ? this.down.until : 'probe'
  }

  probeSent(): void {
    if (this.down) this.down.probing = true
  }

  status(now: number): OutageStatus | null {
    if (!this.down) return null
    return { retryInMs: this.down.probing ? 0 : Math.max(0, this.down.until - now), level: this.down.level }
  }

  /** True once after an outage began, ended or its pause changed. */
  changed(): boolean {
    const f = this.flipped
    this.flipped = false
    return f
  }
}
