import { AppError } from '../../shared/errors'

/**
 * New references for a repeated run, from a pattern such as `{ref}-{yyyy}{mm}` (the old reference
 * with the run's year and month) or `MEDLEM-{n:4}` (a counter with a prefix, zero-padded).
 *
 * Placeholders: `{ref}` the reference in the batch repeated; `{yyyy}` `{yy}` `{mm}` `{dd}` the date
 * of the new run (Norway); `{n}` a counter (from 1 unless told), `{n:K}` padded to K digits.
 */
export interface PatternContext {
  ref: string
  /** The counter's value for this invoice. */
  n: number
  /** `YYYY-MM-DD`. */
  date: string
}

type Part = string | ((c: PatternContext) => string)

const TOKEN = /\{([^{}]*)\}/g

function badPattern(pattern: string, en: string, nb: string): AppError {
  return new AppError('bad_pattern', `The reference pattern "${pattern}" ${en}`, {
    message_nb: `Referansemønsteret «${pattern}» ${nb}`,
  })
}

function placeholder(pattern: string, name: string): Part {
  switch (name) {
    case 'ref':
      return (c) => c.ref
    case 'yyyy':
      return (c) => c.date.slice(0, 4)
    case 'yy':
      return (c) => c.date.slice(2, 4)
    case 'mm':
      return (c) => c.date.slice(5, 7)
    case 'dd':
      return (c) => c.date.slice(8, 10)
    case 'n':
      return (c) => String(c.n)
  }
  const padded = /^n:([1-9])$/.exec(name)
  if (padded) {
    const width = Number(padded[1])
    return (c) => String(c.n).padStart(width, '0')
  }
  throw badPattern(
    pattern,
    `has an unknown placeholder {${name}}: use {ref}, {yyyy}, {yy}, {mm}, {dd}, {n} or {n:4}.`,
    `har en ukjent plassholder {${name}}: bruk {ref}, {yyyy}, {yy}, {mm}, {dd}, {n} eller {n:4}.`,
  )
}

/** Checks the pattern once and returns the function that makes each reference. */
export function compileReferencePattern(pattern: string): (c: PatternContext) => string {
  const parts: Part[] = []
  let last = 0
  let unique = false
  for (const m of pattern.matchAll(TOKEN)) {
    if (m.index > last) parts.push(pattern.slice(last, m.index))
    parts.push(placeholder(pattern, m[1]))
    if (m[1] === 'ref' || m[1].startsWith('n')) unique = true
    last = m.index + m[0].length
  }
  if (last < pattern.length) parts.push(pattern.slice(last))
  if (parts.some((p) => typeof p === 'string' && /[{}]/.test(p))) {
    throw badPattern(
      pattern,
      'has a { or } that is not part of a placeholder.',
      'har en { eller } som ikke er en plassholder.',
    )
  }
  if (!unique) {
    throw badPattern(
      pattern,
      'would give every invoice the same reference: include {ref} or {n}.',
      'ville gitt alle fakturaene samme referanse: ta med {ref} eller {n}.',
    )
  }
  return (c) => parts.map((p) => (typeof p === 'string' ? p : p(c))).join('')
}
