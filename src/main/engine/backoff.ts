/**
 * Exponential backoff with full jitter (AWS architecture blog's "full jitter"): a random delay
 * between 0 and min(cap, base·2^(attempt-1)), so many rows failing together do not retry in step.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)))
  // Never zero: a tiny floor keeps a failing row from spinning.
  return Math.max(Math.min(50, ceiling), Math.floor(random() * ceiling))
}
