/**
 * Whether a column the user picks for a field on the Map screen can be applied. A column holds one
 * field; when another field holds it by the user's own choice, the pick is refused with the reason
 * (and, for a first/last-name clash, the full-name split is offered) instead of silently snapping
 * back. A column the matcher chose by itself simply moves to the user's field.
 */
import { type CanonicalField, FIELD_BY_NAME } from '../../shared/canonical'
import type { MappingRefusal } from '../../shared/contract'
import type { EffectiveMapping } from './mapping-state'
import type { DraftState } from './store'

const NAMES: ReadonlySet<CanonicalField> = new Set(['first_name', 'last_name'])

export function refuseChoice(
  headers: readonly string[],
  eff: EffectiveMapping,
  state: DraftState,
  field: CanonicalField,
  column: string | null,
): MappingRefusal | null {
  if (column === null) return null
  const col = headers.indexOf(column)
  if (col < 0) return null
  const holder = (Object.entries(eff.columns) as [CanonicalField, number][]).find(
    ([f, c]) => c === col && f !== field,
  )?.[0]
  if (!holder) return null
  const byUser = state.mapping[holder] === column
  const namesClash = NAMES.has(field) && NAMES.has(holder)
  // The full name takes a column from first or last name: that is the split the user asked for.
  if (!byUser || (field === 'full_name' && NAMES.has(holder))) return null
  const info = FIELD_BY_NAME.get(holder)
  const en = info?.label_en ?? holder
  const nb = info?.label_nb ?? holder
  if (namesClash)
    return {
      field,
      column,
      message: `"${column}" is already the column for ${en}. One column cannot be both the first and the last name: use it as Full name, and each name is split ("Nordmann, Ola" at the comma, "Ola Nordmann" before the last word).`,
      message_nb: `«${column}» er allerede kolonnen for ${nb}. Én kolonne kan ikke være både fornavn og etternavn: bruk den som Fullt navn, så deles hvert navn («Nordmann, Ola» ved kommaet, «Ola Nordmann» foran siste ord).`,
      offer: 'full_name',
    }
  return {
    field,
    column,
    message: `"${column}" is already the column for ${en}, and a column can hold only one field. Set ${en} to "not in the file" first.`,
    message_nb: `«${column}» er allerede kolonnen for ${nb}, og en kolonne kan bare brukes til ett felt. Sett ${nb} til «ikke i filen» først.`,
    offer: null,
  }
}
