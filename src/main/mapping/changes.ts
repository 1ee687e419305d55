/**
 * What changed between the source a mapping was remembered for and this file: renamed, added
 * and missing columns, so the user sees it before validation instead of a silent wrong mapping.
 */
import type { CanonicalField } from '../../shared/canonical'
import { matchHeader } from './header-match'
import { normalizeHeader } from './synonyms'
import type { RememberedMapping, SourceChanges } from './types'

export function diffSources(
  remembered: Pick<RememberedMapping, 'headers' | 'mapping'>,
  headers: readonly string[],
): SourceChanges {
  const now = new Set(headers.filter((h) => h.trim() !== ''))
  const before = new Set(remembered.headers.filter((h) => h.trim() !== ''))
  const fieldOf = new Map<string, CanonicalField>()
  for (const [f, ref] of Object.entries(remembered.mapping) as [CanonicalField, string | number][]) {
    const h = typeof ref === 'number' ? remembered.headers[ref - 1] : ref
    if (h !== undefined) fieldOf.set(h, f)
  }
  let added = [...now].filter((h) => !before.has(h))
  const gone = [...before].filter((h) => !now.has(h))
  const renamed: SourceChanges['renamed'] = []
  const missing: SourceChanges['missing'] = []
  // The same field under a new name: by meaning first, then the same position, then a near spelling.
  // Each pass runs over every gone header before the next, so a weaker clue never steals a stronger match.
  const passes: ((a: string, h: string, field: CanonicalField) => boolean)[] = [
    (a, _h, field) => {
      const m = matchHeader(a)
      return m !== undefined && 'field' in m && m.field === field
    },
    (a, h) => headers.indexOf(a) === remembered.headers.indexOf(h),
    (a, h) => similar(a, h),
  ]
  let open = gone.filter((h) => fieldOf.has(h))
  for (const test of passes) {
    for (const h of open) {
      const field = fieldOf.get(h) as CanonicalField
      const to = added.find((a) => test(a, h, field))
      if (!to) continue
      renamed.push({ from: h, to, field })
      added = added.filter((a) => a !== to)
    }
    open = open.filter((h) => !renamed.some((r) => r.from === h))
  }
  for (const h of gone)
    if (!renamed.some((r) => r.from === h)) missing.push({ header: h, field: fieldOf.get(h) })
  return { renamed, added, missing }
}

function similar(a: string, b: string): boolean {
  const x = normalizeHeader(a)
  const y = normalizeHeader(b)
  return x.length > 2 && (x.includes(y) || y.includes(x))
}
