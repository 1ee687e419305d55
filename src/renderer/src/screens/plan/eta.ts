/** "about 7 min" — the plan's time estimate, rounded the way people plan their afternoon. */
export function etaParts(seconds: number): {
  unit: 'seconds' | 'minutes' | 'hours'
  n: number
  h: number
  m: number
} {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return { unit: 'seconds', n: Math.max(1, s), h: 0, m: 0 }
  const minutes = Math.ceil(s / 60)
  if (minutes < 60) return { unit: 'minutes', n: minutes, h: 0, m: 0 }
  return { unit: 'hours', n: 0, h: Math.floor(minutes / 60), m: minutes % 60 }
}

/** Production asks the user to type a word; spaces around it and letter case do not matter. */
export function confirmationMatches(typed: string, word: string | null): boolean {
  if (word === null) return true
  return typed.trim().toUpperCase() === word.trim().toUpperCase()
}
