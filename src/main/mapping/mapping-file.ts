/**
 * The `--mapping FILE` format (docs/mapping.md): `{ "mapping": { field: header | column number
 * | null }, "constants": { field: value } }`. A bare `{ field: header }` object is accepted too,
 * and so is the whole output of `validate --json` (other keys are ignored).
 */
import {
  CANONICAL_FIELDS,
  type CanonicalField,
  FIELD_BY_NAME,
  isCanonicalField,
  PRICE_FIELDS,
} from '../../shared/canonical'
import { AppError } from '../../shared/errors'
import { headerBasis } from './basis'
import { basisAllows } from './header-match'
import { resolveRef } from './match'
import type { Constants, Mapping } from './types'

export interface MappingFile {
  /** Field → column; null = leave the field unmapped even if a header would match. */
  mapping: Partial<Record<CanonicalField, string | number | null>>
  constants: Constants
}

const bad = (file: string, message: string, message_nb: string) =>
  new AppError('mapping_file_invalid', `${file}: ${message}`, {
    message_nb: `${file}: ${message_nb}`,
    file,
    exitCode: 2,
  })

export function parseMappingFile(text: string, file: string): MappingFile {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    throw bad(file, `is not valid JSON (${why}).`, `er ikke gyldig JSON (${why}).`)
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw bad(file, 'must hold a JSON object.', 'må inneholde et JSON-objekt.')
  const obj = json as Record<string, unknown>
  const wrapped = 'mapping' in obj && typeof obj.mapping === 'object'
  const rawMapping = (wrapped ? obj.mapping : obj) as Record<string, unknown>
  const rawConstants = (wrapped ? (obj.constants ?? {}) : {}) as Record<string, unknown>
  const out: MappingFile = { mapping: {}, constants: {} }
  for (const [k, v] of Object.entries(rawMapping ?? {})) {
    if (!isCanonicalField(k))
      throw bad(
        file,
        `"${k}" is not a field; fields are ${CANONICAL_FIELDS.join(', ')}.`,
        `"${k}" er ikke et felt; feltene er ${CANONICAL_FIELDS.join(', ')}.`,
      )
    if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= 1))
      out.mapping[k] = v
    else
      throw bad(
        file,
        `the column for "${k}" must be a header text, a column number from 1, or null.`,
        `kolonnen for "${k}" må være en overskrift, et kolonnenummer fra 1, eller null.`,
      )
  }
  if (typeof rawConstants !== 'object' || rawConstants === null || Array.isArray(rawConstants))
    throw bad(file, '"constants" must be an object.', '"constants" må være et objekt.')
  for (const [k, v] of Object.entries(rawConstants)) {
    if (!isCanonicalField(k))
      throw bad(file, `constant "${k}" is not a field.`, `konstanten "${k}" er ikke et felt.`)
    if (typeof v === 'string' || typeof v === 'number') out.constants[k] = String(v)
    else if (v !== null)
      throw bad(
        file,
        `constant "${k}" must be text or a number.`,
        `konstanten "${k}" må være tekst eller et tall.`,
      )
  }
  return out
}

/** Checks every column the file names exists exactly once in the table. */
export function checkMappingAgainst(headers: readonly string[], m: MappingFile, file: string): Mapping {
  const out: Mapping = {}
  for (const [f, ref] of Object.entries(m.mapping) as [CanonicalField, string | number | null][]) {
    if (ref === null) continue
    if (resolveRef(headers, ref) === undefined) {
      const dup = typeof ref === 'string' && headers.filter((h) => h === ref).length > 1
      const info = FIELD_BY_NAME.get(f)
      const en = info?.label_en ?? f
      const nb = info?.label_nb ?? f
      throw bad(
        file,
        dup
          ? `the header "${ref}" (for ${en}) appears more than once in the table; use its column number instead.`
          : `the column ${typeof ref === 'number' ? `number ${ref}` : `"${ref}"`} (for ${en}) is not in the table.`,
        dup
          ? `overskriften "${ref}" (for ${nb}) finnes flere ganger i tabellen; bruk kolonnenummeret i stedet.`
          : `kolonnen ${typeof ref === 'number' ? `nummer ${ref}` : `"${ref}"`} (for ${nb}) finnes ikke i tabellen.`,
      )
    }
    refuseWrongBasis(headers[resolveRef(headers, ref) as number] ?? '', f, file)
    out[f] = ref
  }
  return out
}

/** A header that says excluding VAT cannot be mapped to a price including VAT, nor the reverse. */
function refuseWrongBasis(header: string, f: CanonicalField, file: string): void {
  const price = PRICE_FIELDS[f]
  const stated = price ? headerBasis(header) : undefined
  if (!price || !stated || basisAllows(f, stated.basis)) return
  const info = FIELD_BY_NAME.get(f)
  const other = FIELD_BY_NAME.get(price.other)
  const excl = stated.basis === 'excl'
  throw bad(
    file,
    `the column "${header}" says ${excl ? 'excluding' : 'including'} VAT, so it cannot be ${info?.label_en}; map it to ${other?.label_en}.`,
    `kolonnen «${header}» sier ${excl ? 'eksklusiv' : 'inkludert'} mva, så den kan ikke være ${info?.label_nb}; koble den til ${other?.label_nb}.`,
  )
}
