/** A postal code and place written in one cell (`0152 Oslo`, `N-0152 OSLO`, `0152, Oslo`). */

/** A country prefix (`N-`, `NO-`), 3–4 digits (a lost leading zero), a comma or spaces, then the place. */
const CODE_AND_PLACE = /^(?:[A-Za-z]{1,2}\s?-\s?)?(\d{3,4})\s*(?:,\s*|\s+)(\S.*)$/

/** `0152 Oslo` → { code: '0152', place: 'Oslo' }; the place as written. Undefined when it is not both. */
export function splitPostalPlace(text: string): { code: string; place: string } | undefined {
  const m = CODE_AND_PLACE.exec(text.trim())
  if (!m || /^\d+$/.test(m[2].trim())) return undefined
  return { code: m[1], place: m[2].trim() }
}
