/**
 * Mappings remembered per source in SQLite. A source is its set of headers: the same monthly
 * export maps itself next time; a similar one (renamed/added/missing columns) is offered with
 * its changes pointed out. Reading never writes, so `validate` can use a read-only connection.
 */
import { CANONICAL_SET } from '../../shared/canonical'
import type { Db } from '../db/open'
import type { Constants, Mapping, RememberedMapping } from './types'

/** The source's identity: its distinct, non-blank headers, sorted. */
export function headerKey(headers: readonly string[]): string {
  return JSON.stringify([...new Set(headers.map((h) => h.trim()).filter((h) => h !== ''))].sort())
}

interface Row {
  header_key: string
  headers_json: string
  mapping_json: string
  constants_json: string
  updated_at: string
}

/** Only canonical keys with string or positive-integer values survive (the JSON came from disk). */
function cleanMapping(raw: unknown): Mapping {
  const out: Mapping = {}
  if (!raw || typeof raw !== 'object') return out
  for (const [k, v] of Object.entries(raw)) {
    if (!CANONICAL_SET.has(k)) continue
    if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v > 0))
      out[k as keyof Mapping] = v
  }
  return out
}

function cleanConstants(raw: unknown): Constants {
  const out: Constants = {}
  if (!raw || typeof raw !== 'object') return out
  for (const [k, v] of Object.entries(raw))
    if (CANONICAL_SET.has(k) && typeof v === 'string') out[k as keyof Constants] = v
  return out
}

function toRemembered(r: Row, exact: boolean): RememberedMapping {
  return {
    headers: JSON.parse(r.headers_json) as string[],
    mapping: cleanMapping(JSON.parse(r.mapping_json)),
    constants: cleanConstants(JSON.parse(r.constants_json)),
    exact,
    updatedAt: r.updated_at,
  }
}

function isMissingTable(e: unknown): boolean {
  return e instanceof Error && /no such table/i.test(e.message)
}

/**
 * The mapping remembered for exactly these headers; otherwise the most similar remembered source
 * (at least a third of the headers in common), marked `exact: false`; otherwise null.
 */
export function loadRememberedMapping(db: Db, headers: readonly string[]): RememberedMapping | null {
  try {
    const key = headerKey(headers)
    const hit = db
      .prepare(
        'SELECT header_key, headers_json, mapping_json, constants_json, updated_at FROM mappings WHERE header_key = ?',
      )
      .get(key) as Row | undefined
    if (hit) return toRemembered(hit, true)
    const mine = new Set(JSON.parse(key) as string[])
    if (mine.size === 0) return null
    const recent = db
      .prepare(
        'SELECT header_key, headers_json, mapping_json, constants_json, updated_at FROM mappings ORDER BY updated_at DESC LIMIT 200',
      )
      .all() as Row[]
    let best: { row: Row; score: number } | undefined
    for (const r of recent) {
      const theirs = JSON.parse(r.header_key) as string[]
      const common = theirs.filter((h) => mine.has(h)).length
      const score = common / (mine.size + theirs.length - common)
      if (common >= 2 && score >= 0.34 && (!best || score > best.score)) best = { row: r, score }
    }
    return best ? toRemembered(best.row, false) : null
  } catch (e) {
    // A read-only store from before migration 2 simply has nothing remembered.
    if (isMissingTable(e)) return null
    throw e
  }
}

/** Remembers (or updates) the mapping for this exact header set. */
export function rememberMapping(
  db: Db,
  headers: readonly string[],
  mapping: Mapping,
  constants: Constants = {},
): void {
  const now = new Date().toISOString()
  db.prepare(
    `INSERT INTO mappings (header_key, headers_json, mapping_json, constants_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (header_key) DO UPDATE SET headers_json = excluded.headers_json, mapping_json = excluded.mapping_json,
       constants_json = excluded.constants_json, updated_at = excluded.updated_at, use_count = use_count + 1`,
  ).run(
    headerKey(headers),
    JSON.stringify(headers),
    JSON.stringify(cleanMapping(mapping)),
    JSON.stringify(cleanConstants(constants)),
    now,
    now,
  )
}
