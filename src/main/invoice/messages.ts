/**
 * Every validation finding's stable code and its sentence in English and Norwegian bokmål.
 * The UI and tests key on the code; the sentences name the row(s), column and value.
 */

import { ACCEPTED_CODES_EN, ACCEPTED_CODES_NB } from '../values/vat-codes'

export const ISSUE_CODES = [
  // mapping / file level
  'field_not_mapped',
  'read_issue',
  // row level
  'reference_missing',
  'missing_value',
  'product_type_invalid',
  'days_invalid',
  'due_date_invalid',
  'due_date_past',
  'due_date_too_far',
  'channel_invalid',
  'org_number_invalid',
  'org_number_checksum',
  'email_invalid',
  'phone_invalid',
  'postal_code_invalid',
  'postal_code_padded',
  'country_invalid',
  'currency_not_supported',
  'quantity_invalid',
  'quantity_not_positive',
  'quantity_too_many_decimals',
  'unit_price_invalid',
  'unit_price_not_positive',
  'unit_price_too_many_decimals',
  'amount_invalid',
  'amount_negative',
  'amount_missing',
  'amount_mismatch',
  'vat_invalid',
  'vat_rate_not_allowed',
  'vat_code_invalid',
  'vat_code_input',
  'vat_code_conflict',
  'discount_invalid',
  'price_basis_mismatch',
  'number_ambiguous',
  'b2c_business_ignored',
  'name_one_word',
  'postal_code_place_invalid',
  // invoice level
  'conflicting_values',
  'line_id_duplicate',
  'total_not_positive',
  'amount_too_large',
  'already_invoiced',
  'due_moved',
  // file level, once
  'product_type_from_org_number',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

export interface MessageContext {
  /** "row 12" / "rows 12, 13" in each language. */
  where: { en: string; nb: string }
  /** Column header, or the field label when the value came from a constant/default. */
  column: string
  value: string
  /** Extra detail for some codes (expected value, computed amount, the other rows…). */
  extra?: string
  extra_nb?: string
  /** number_ambiguous: the file's decimal separator is a comma. */
  comma?: boolean
  /** product_type_from_org_number: invoices decided as business and as private. */
  counts?: { business: number; private: number }
}

type Text = (c: MessageContext) => [string, string]

const q = (s: string) => `"${s}"`

export const MESSAGES: Record<IssueCode, Text> = {
  field_not_mapped: (c) => [
    `No column is mapped to ${c.column}${c.extra ? ` ${c.extra}` : ''} and no default is set, so no invoice can be made.`,
    `Ingen kolonne er koblet til ${c.column}${c.extra_nb ? ` ${c.extra_nb}` : ''} og ingen standardverdi er satt, så ingen faktura kan lages.`,
  ],
  read_issue: (c) => [c.extra ?? c.value, c.extra_nb ?? c.value],
  reference_missing: (c) => [
    `${c.where.en}: column ${c.column} (invoice number) is empty, so the row belongs to no invoice.`,
    `${c.where.nb}: kolonnen ${c.column} (fakturanummer) er tom, så raden hører ikke til noen faktura.`,
  ],
  missing_value: (c) => [
    `${c.where.en}: ${c.column} is empty${c.extra ? ` (${c.extra})` : ''}.`,
    `${c.where.nb}: ${c.column} er tom${c.extra_nb ? ` (${c.extra_nb})` : ''}.`,
  ],
  product_type_invalid: (c) => [
    `${c.where.en}: ${c.column} ${q(c.value)} is not a customer type; write Business (Bedrift), Private (Privat) or Samlefaktura (a grouped business invoice).`,
    `${c.where.nb}: ${c.column} ${q(c.value)} er ikke en kundetype; skriv Bedrift, Privat eller Samlefaktura.`,
  ],
  days_invalid: (c) => [
    `${c.where.en}: ${c.column} ${q(c.value)} must be a whole number of days from 0 to 365.`,
    `${c.where.nb}: ${c.column} ${q(c.value)} må være et helt antall dager fra 0 til 365.`,
  ],
  due_date_invalid: (c) => [
    `${c.where.en}: ${c.column} ${q(c.value)} is not a date; write it as dd.mm.yyyy or yyyy-mm-dd.`,
    `${c.where.nb}: ${c.column} ${q(c.value)} er ikke en dato; skriv den som dd.mm.åååå eller åååå-mm-dd.`,
  ],
  due_date_past: (c) => [
    `${c.where.en}: due date ${q(c.value)} in ${c.column} has already passed.`,
    `${c.where.nb}: forfallsdatoen ${q(c.value)} i ${c.column} er passert.`,
  ],
  due_date_too_far: (c) => [
    `${c.where.en}: due date ${q(c.value)} in ${c.column} is more than 365 days ahead.`,
    `${c.where.nb}: forfallsdatoen ${q(c.value)} i ${c.column} er mer enn 365 dager frem i tid.`,
  ],
  channel_invalid: (c) => [
    `${c.where.en}: ${c.column} ${q(c.value)} must be kravia or merchant.`,
    `${c.where.nb}: ${c.column} ${q(c.value)} må være kravia eller merchant.`,
  ],
  org_number_invalid: (c) => [
    `${c.where.en}: organisation number ${q(c.value)} in ${c.column} must be 9 digits.`,
    `${c.where.nb}: organisasjonsnummeret ${q(c.value)} i ${c.column} må ha 9 siffer.`,
  ],
  org_number_checksum: (c) => [
    `${c.where.en}: organisation number ${q(c.value)} in ${c.column} fails the check digit; please double-check it.`,
    `${c.where.nb}: organisasjonsnummeret ${q(c.value)} i ${c.column} har feil kontrollsiffer; sjekk det.`,
  ],
  email_invalid: (c) => [
    `${c.where.en}: ${q(c.value)} in ${c.column} is not an email address.`,
    `${c.where.nb}: ${q(c.value)} i ${c.column} er ikke en e-postadresse.`,
  ],
  phone_invalid: (c) => [
    `${c.where.en}: ${q(c.value)} in ${c.column} is not a phone number (foreign numbers need their country code, e.g. +46…).`,
    `${c.where.nb}: ${q(c.value)} i ${c.column} er ikke et telefonnummer (utenlandske numre trenger landskode, f.eks. +46…).`,
  ],
  postal_code_invalid: (c) => [
    `${c.where.en}: postal code ${q(c.value)} in ${c.column} must be 4 digits.`,
    `${c.where.nb}: postnummeret ${q(c.value)} i ${c.column} må ha 4 siffer.`,
  ],
  postal_code_padded: (c) => [
    `${c.where.en}: postal code ${q(c.value)} in ${c.column} was read as ${c.extra} (the leading zero had been lost).`,
    `${c.where.nb}: postnummeret ${q(c.value)} i ${c.column} ble lest som ${c.extra} (nullen foran var borte).`,
  ],
  country_invalid: (c) => [
    `${c.where.en}: country ${q(c.value)} in ${c.column} must be a two-letter code such as NO.`,
    `${c.where.nb}: landet ${q(c.value)} i ${c.column} må være en kode på to bokstaver, f.eks. NO.`,
  ],
  currency_not_supported: (c) => [
    `${c.where.en}: currency ${q(c.value)} in ${c.column} is not supported; only NOK is.`,
    `${c.where.nb}: valutaen ${q(c.value)} i ${c.column} støttes ikke; bare NOK.`,
  ],
  quantity_invalid: (c) => [
    `${c.where.en}: quantity ${q(c.value)} in ${c.column} is not a number.`,
    `${c.where.nb}: antallet ${q(c.value)} i ${c.column} er ikke et tall.`,
  ],
  quantity_not_positive: (c) => [
    `${c.where.en}: quantity ${q(c.value)} in ${c.column} must be above zero.`,
    `${c.where.nb}: antallet ${q(c.value)} i ${c.column} må være større enn null.`,
  ],
  quantity_too_many_decimals: (c) => [
    `${c.where.en}: quantity ${q(c.value)} in ${c.column} has more than 4 decimals.`,
    `${c.where.nb}: antallet ${q(c.value)} i ${c.column} har mer enn 4 desimaler.`,
  ],
  unit_price_invalid: (c) => [
    `${c.where.en}: unit price ${q(c.value)} in ${c.column} is not an amount.`,
    `${c.where.nb}: enhetsprisen ${q(c.value)} i ${c.column} er ikke et beløp.`,
  ],
  unit_price_not_positive: (c) => [
    `${c.where.en}: unit price ${q(c.value)} in ${c.column} must be above zero (credit notes are not supported).`,
    `${c.where.nb}: enhetsprisen ${q(c.value)} i ${c.column} må være større enn null (kreditnotaer støttes ikke).`,
  ],
  unit_price_too_many_decimals: (c) => [
    `${c.where.en}: unit price ${q(c.value)} in ${c.column} has more than 4 decimals.`,
    `${c.where.nb}: enhetsprisen ${q(c.value)} i ${c.column} har mer enn 4 desimaler.`,
  ],
  amount_invalid: (c) => [
    `${c.where.en}: amount ${q(c.value)} in ${c.column} is not an amount.`,
    `${c.where.nb}: beløpet ${q(c.value)} i ${c.column} er ikke et beløp.`,
  ],
  amount_negative: (c) => [
    `${c.where.en}: amount ${q(c.value)} in ${c.column} is negative (discount lines and credit notes are not supported).`,
    `${c.where.nb}: beløpet ${q(c.value)} i ${c.column} er negativt (rabattlinjer og kreditnotaer støttes ikke).`,
  ],
  amount_missing: (c) => [
    `${c.where.en}: the line has neither a unit price nor an amount.`,
    `${c.where.nb}: linjen har verken enhetspris eller beløp.`,
  ],
  amount_mismatch: (c) => [
    `${c.where.en}: amount ${q(c.value)} in ${c.column} does not match unit price × quantity (${c.extra}).`,
    `${c.where.nb}: beløpet ${q(c.value)} i ${c.column} stemmer ikke med enhetspris × antall (${c.extra_nb}).`,
  ],
  vat_invalid: (c) => [
    `${c.where.en}: VAT rate ${q(c.value)} in ${c.column} is not a number.`,
    `${c.where.nb}: mva-satsen ${q(c.value)} i ${c.column} er ikke et tall.`,
  ],
  vat_rate_not_allowed: (c) => [
    `${c.where.en}: VAT rate ${q(c.value)} in ${c.column} is not a Norwegian rate (0, 11.11, 12, 15 or 25 %).`,
    `${c.where.nb}: mva-satsen ${q(c.value)} i ${c.column} er ikke en norsk sats (0, 11,11, 12, 15 eller 25 %).`,
  ],
  vat_code_invalid: (c) => [
    `${c.where.en}: VAT code ${q(c.value)} in ${c.column} is not a VAT code for sales; accepted codes are ${ACCEPTED_CODES_EN}.`,
    `${c.where.nb}: mva-koden ${q(c.value)} i ${c.column} er ikke en mva-kode for salg; gyldige koder er ${ACCEPTED_CODES_NB}.`,
  ],
  vat_code_input: (c) => [
    `${c.where.en}: VAT code ${q(c.value)} in ${c.column} is an input VAT code (purchases), not for an invoice; accepted codes are ${ACCEPTED_CODES_EN}.`,
    `${c.where.nb}: mva-koden ${q(c.value)} i ${c.column} er en kode for inngående mva (kjøp), ikke for en faktura; gyldige koder er ${ACCEPTED_CODES_NB}.`,
  ],
  vat_code_conflict: (c) => [
    `${c.where.en}: VAT code ${q(c.value)} in ${c.column} does not give the rate in the VAT rate column.`,
    `${c.where.nb}: mva-koden ${q(c.value)} i ${c.column} gir ikke satsen i mva-sats-kolonnen.`,
  ],
  discount_invalid: (c) => [
    `${c.where.en}: discount ${q(c.value)} in ${c.column} must be a percentage from 0 to 100 with at most 2 decimals.`,
    `${c.where.nb}: rabatten ${q(c.value)} i ${c.column} må være en prosent fra 0 til 100 med høyst 2 desimaler.`,
  ],
  price_basis_mismatch: (c) => [
    `${c.where.en}: ${c.column} ${q(c.value)} (including VAT) does not agree with ${c.extra}.`,
    `${c.where.nb}: ${c.column} ${q(c.value)} (inkludert mva) stemmer ikke med ${c.extra_nb}.`,
  ],
  number_ambiguous: (c) => [
    `${c.where.en}: ${q(c.value)} in ${c.column} could be read two ways; read as ${c.extra}, following the file's number format (decimal ${c.comma ? 'comma' : 'point'}).`,
    `${c.where.nb}: ${q(c.value)} i ${c.column} kan leses på to måter; lest som ${c.extra_nb}, etter filens tallformat (desimal${c.comma ? 'komma' : 'punktum'}).`,
  ],
  b2c_business_ignored: (c) => [
    `${c.where.en}: ${c.column} ${q(c.value)} is not sent for a private customer.`,
    `${c.where.nb}: ${c.column} ${q(c.value)} sendes ikke for en privatkunde.`,
  ],
  name_one_word: (c) => [
    `${c.where.en}: the name ${q(c.value)} in ${c.column} is one word; Kravia needs both a first and a last name (write "Last name, First name" or "First Last").`,
    `${c.where.nb}: navnet ${q(c.value)} i ${c.column} er bare ett ord; Kravia trenger både fornavn og etternavn (skriv «Etternavn, Fornavn» eller «Fornavn Etternavn»).`,
  ],
  postal_code_place_invalid: (c) => [
    `${c.where.en}: ${q(c.value)} in ${c.column} is not a postal code followed by its place (such as 0152 Oslo).`,
    `${c.where.nb}: ${q(c.value)} i ${c.column} er ikke et postnummer fulgt av poststed (som 0152 Oslo).`,
  ],
  conflicting_values: (c) => [
    `${c.where.en}: the same invoice has different values in ${c.column} (${c.extra}); an invoice can have only one.`,
    `${c.where.nb}: samme faktura har ulike verdier i ${c.column} (${c.extra_nb ?? c.extra}); en faktura kan bare ha én.`,
  ],
  line_id_duplicate: (c) => [
    `${c.where.en}: line id ${q(c.value)} in ${c.column} is used twice in the same invoice.`,
    `${c.where.nb}: linje-ID ${q(c.value)} i ${c.column} er brukt to ganger i samme faktura.`,
  ],
  total_not_positive: (c) => [
    `${c.where.en}: invoice ${q(c.value)} adds up to ${c.extra} NOK; the total must be above zero.`,
    `${c.where.nb}: faktura ${q(c.value)} blir ${c.extra_nb} kr; summen må være større enn null.`,
  ],
  amount_too_large: (c) => [
    `${c.where.en}: invoice ${q(c.value)} adds up to ${c.extra} NOK, more than one invoice can hold (21 474 836,47).`,
    `${c.where.nb}: faktura ${q(c.value)} blir ${c.extra_nb} kr, mer enn én faktura kan ha (21 474 836,47).`,
  ],
  product_type_from_org_number: (c) => {
    const b = c.counts?.business ?? 0
    const p = c.counts?.private ?? 0
    const inv = (n: number) => `${n} invoice${n === 1 ? '' : 's'}`
    const fak = (n: number) => `${n} ${n === 1 ? 'faktura' : 'fakturaer'}`
    if (b === 0)
      return [
        `No customer type was given and no invoice has an organisation number, so ${p === 1 ? 'the invoice is' : `all ${inv(p)} are`} sent as Private.`,
        `Ingen kundetype er oppgitt og ingen faktura har organisasjonsnummer, så ${p === 1 ? 'fakturaen' : `alle ${fak(p)}`} sendes som Privat.`,
      ]
    return [
      `No customer type was given, so the organisation number decides: ${inv(b)} with one ${b === 1 ? 'is' : 'are'} sent as Business, ${inv(p)} without one as Private.`,
      `Ingen kundetype er oppgitt, så organisasjonsnummeret avgjør: ${fak(b)} med nummer sendes som Bedrift, ${fak(p)} uten som Privat.`,
    ]
  },
  due_moved: (c) => [
    `${c.where.en}: due date moved from ${c.extra} (not a business day in Norway).`,
    `${c.where.nb}: forfall flyttet fra ${c.extra_nb ?? c.extra} (ikke en virkedag i Norge).`,
  ],
  already_invoiced: (c) => [
    `${c.where.en}: invoice ${q(c.value)} was already invoiced in an earlier run (${c.extra}).`,
    `${c.where.nb}: faktura ${q(c.value)} er allerede fakturert i en tidligere kjøring (${c.extra_nb ?? c.extra}).`,
  ],
}

/** "row 12", "rows 12, 13 and 15" (first 10 shown), in both languages. */
export function describeRows(rows: readonly number[]): { en: string; nb: string } {
  if (rows.length === 0) return { en: 'File', nb: 'Filen' }
  if (rows.length === 1) return { en: `Row ${rows[0]}`, nb: `Rad ${rows[0]}` }
  const shown = rows.slice(0, 10)
  const more = rows.length > 10 ? ` (+${rows.length - 10})` : ''
  const head = shown.slice(0, -1).join(', ')
  const last = shown[shown.length - 1]
  return { en: `Rows ${head} and ${last}${more}`, nb: `Rad ${head} og ${last}${more}` }
}
