/**
 * The canonical invoice template: one row per invoice line. The mapping screen, the template
 * download and the validator all use this list, so labels and notes live in one place.
 */

export const CANONICAL_FIELDS = [
  'merchant_reference',
  'payment_product_type',
  'days_until_due',
  'due_date',
  'invoice_channel',
  'first_name',
  'last_name',
  'full_name',
  'business_name',
  'organization_number',
  'email',
  'phone_number',
  'address_line',
  'address_line_2',
  'postal_code',
  'postal_place',
  'postal_code_place',
  'country',
  'customer_reference',
  'line_id',
  'id',
  'description',
  'quantity',
  'unit_price',
  'amount',
  'unit_price_excl_vat',
  'amount_excl_vat',
  'discount_percent',
  'vat',
  'vat_code',
  'currency',
] as const
export type CanonicalField = (typeof CANONICAL_FIELDS)[number]

export const CANONICAL_SET: ReadonlySet<string> = new Set(CANONICAL_FIELDS)
export const isCanonicalField = (s: string): s is CanonicalField => CANONICAL_SET.has(s)

export interface FieldInfo {
  field: CanonicalField
  /** `invoice`: one value per invoice (later rows may be blank); `line`: per invoice line. */
  level: 'invoice' | 'line'
  label_en: string
  label_nb: string
  note_en: string
  note_nb: string
}

const f = (
  field: CanonicalField,
  level: FieldInfo['level'],
  label_en: string,
  label_nb: string,
  note_en: string,
  note_nb: string,
): FieldInfo => ({ field, level, label_en, label_nb, note_en, note_nb })

export const FIELD_INFO: readonly FieldInfo[] = [
  f(
    'merchant_reference',
    'invoice',
    'Invoice number',
    'Fakturanummer',
    'Your unique reference. Rows with the same reference become one invoice with several lines.',
    'Din unike referanse. Rader med samme referanse blir én faktura med flere linjer.',
  ),
  f(
    'payment_product_type',
    'invoice',
    'Customer type',
    'Kundetype',
    'Business (Bedrift), Private (Privat) or grouped business invoice (Samlefaktura). Without it: Business when the organisation number is given, otherwise Private.',
    'Bedrift, Privat eller Samlefaktura. Uten den: Bedrift når organisasjonsnummeret er oppgitt, ellers Privat.',
  ),
  f(
    'days_until_due',
    'invoice',
    'Days until due',
    'Dager til forfall',
    'Whole number of days from sending to the due date, 0–365 (14, 14 dager, netto 30, Net 30, Kontant = 0). Or give a due date instead.',
    'Antall dager fra sending til forfall, 0–365 (14, 14 dager, netto 30, Net 30, Kontant = 0). Eller oppgi forfallsdato i stedet.',
  ),
  f(
    'due_date',
    'invoice',
    'Due date',
    'Forfallsdato',
    'dd.mm.yyyy or yyyy-mm-dd; turned into days until due (Norwegian time) when the invoice is sent.',
    'dd.mm.åååå eller åååå-mm-dd; regnes om til dager til forfall (norsk tid) når fakturaen sendes.',
  ),
  f(
    'invoice_channel',
    'invoice',
    'Invoice channel',
    'Fakturakanal',
    'Kravia (Kravia sends the invoice, the default) or Merchant (you send it yourself).',
    'Kravia (Kravia sender fakturaen, standard) eller Merchant (du sender den selv).',
  ),
  f(
    'first_name',
    'invoice',
    'First name',
    'Fornavn',
    'Contact person’s first name.',
    'Kontaktpersonens fornavn.',
  ),
  f(
    'last_name',
    'invoice',
    'Last name',
    'Etternavn',
    'Contact person’s last name.',
    'Kontaktpersonens etternavn.',
  ),
  f(
    'full_name',
    'invoice',
    'Full name',
    'Fullt navn',
    'First and last name in one column, split for you: "Etternavn, Fornavn" at the comma, otherwise the last word is the last name. Separate first and last name columns win.',
    'For- og etternavn i én kolonne, delt for deg: «Etternavn, Fornavn» ved kommaet, ellers er siste ord etternavnet. Egne kolonner for fornavn og etternavn går foran.',
  ),
  f(
    'business_name',
    'invoice',
    'Company name',
    'Firmanavn',
    'Required for business customers; not sent for private ones. A customer-name column (Kundenavn) is the person’s full name on a private invoice without name columns.',
    'Påkrevd for bedriftskunder; sendes ikke for privatkunder. En kundenavn-kolonne er personens fulle navn på en privatfaktura uten navnekolonner.',
  ),
  f(
    'organization_number',
    'invoice',
    'Organisation number',
    'Organisasjonsnummer',
    '9 digits, spaces allowed. Required for business customers; not sent for private ones. Without a customer type, an invoice with one is Business, without one Private.',
    '9 siffer, mellomrom tillatt. Påkrevd for bedriftskunder; sendes ikke for privatkunder. Uten kundetype er en faktura med nummer Bedrift, uten Privat.',
  ),
  f('email', 'invoice', 'Email', 'E-post', 'Where the invoice is sent.', 'Hvor fakturaen sendes.'),
  f(
    'phone_number',
    'invoice',
    'Phone',
    'Telefon',
    'Norwegian 8-digit numbers get +47; other countries need their country code.',
    'Norske 8-sifrede numre får +47; andre land trenger landskode.',
  ),
  f('address_line', 'invoice', 'Address', 'Adresse', 'Street and number.', 'Gate og nummer.'),
  f('address_line_2', 'invoice', 'Address line 2', 'Adresselinje 2', 'Optional.', 'Valgfri.'),
  f(
    'postal_code',
    'invoice',
    'Postal code',
    'Postnummer',
    '4 digits in Norway (0151); a code that lost its leading zero is padded.',
    '4 siffer i Norge (0151); et nummer som har mistet nullen foran fylles ut.',
  ),
  f('postal_place', 'invoice', 'Postal place', 'Poststed', 'Town or city.', 'Poststed.'),
  f(
    'postal_code_place',
    'invoice',
    'Postal code and place',
    'Postnummer og sted',
    'Both in one column: 0152 Oslo, N-0152 OSLO or 0152, Oslo. Separate postal code and place columns win.',
    'Begge i én kolonne: 0152 Oslo, N-0152 OSLO eller 0152, Oslo. Egne kolonner for postnummer og poststed går foran.',
  ),
  f('country', 'invoice', 'Country', 'Land', 'Two letters, default NO.', 'To bokstaver, standard NO.'),
  f(
    'customer_reference',
    'invoice',
    'Customer reference',
    'Kundereferanse',
    'Optional: the customer’s own reference (splits grouped invoices).',
    'Valgfri: kundens egen referanse (deler opp samlefakturaer).',
  ),
  f(
    'line_id',
    'line',
    'Line id',
    'Linje-ID',
    'Optional; unique within the invoice. Default 1, 2, 3 …',
    'Valgfri; unik innen fakturaen. Standard 1, 2, 3 …',
  ),
  f(
    'id',
    'line',
    'Product number',
    'Varenummer',
    'Optional item/SKU number.',
    'Valgfritt vare-/artikkelnummer.',
  ),
  f('description', 'line', 'Description', 'Beskrivelse', 'What the line is for.', 'Hva linjen gjelder.'),
  f(
    'quantity',
    'line',
    'Quantity',
    'Antall',
    'Positive number, decimals allowed (2,5). Default 1 when only the amount is given.',
    'Positivt tall, desimaler tillatt (2,5). Standard 1 når bare beløp er oppgitt.',
  ),
  f(
    'unit_price',
    'line',
    'Unit price incl. VAT',
    'Enhetspris inkl. mva',
    'NOK per unit including VAT, up to 4 decimals (0,125).',
    'NOK per enhet inkludert mva, inntil 4 desimaler (0,125).',
  ),
  f(
    'amount',
    'line',
    'Line amount incl. VAT',
    'Linjebeløp inkl. mva',
    'Line total in NOK including VAT. Give unit price, amount, or both (they must agree).',
    'Linjesum i NOK inkludert mva. Oppgi enhetspris, beløp eller begge (de må stemme).',
  ),
  f(
    'unit_price_excl_vat',
    'line',
    'Unit price excl. VAT',
    'Enhetspris eks. mva',
    'NOK per unit excluding VAT (as price lists and accounting systems show it); VAT is added per line.',
    'NOK per enhet eksklusiv mva (slik prislister og regnskapssystemer viser den); mva legges til per linje.',
  ),
  f(
    'amount_excl_vat',
    'line',
    'Line amount excl. VAT',
    'Linjebeløp eks. mva',
    'Line total in NOK excluding VAT, after any discount; VAT is added per line.',
    'Linjesum i NOK eksklusiv mva, etter eventuell rabatt; mva legges til per linje.',
  ),
  f(
    'discount_percent',
    'line',
    'Discount %',
    'Rabatt %',
    'Percent off the line, 0–100 with up to 2 decimals, taken off before VAT is added. A given line amount is taken as already discounted.',
    'Prosent av linjen, 0–100 med inntil 2 desimaler, trekkes fra før mva legges til. Et oppgitt linjebeløp regnes som allerede rabattert.',
  ),
  f(
    'vat',
    'line',
    'VAT rate %',
    'MVA-sats %',
    'Percent: 0, 11.11, 12, 15 or 25.',
    'Prosent: 0, 11,11, 12, 15 eller 25.',
  ),
  f(
    'vat_code',
    'line',
    'VAT code',
    'MVA-kode',
    'Norway’s standard output VAT codes instead of a rate: 3 = 25 %, 31 = 15 %, 32 = 11.11 %, 33 = 12 %; 5, 51, 52, 6, 7 = 0 %.',
    'Norges standard mva-koder for salg i stedet for en sats: 3 = 25 %, 31 = 15 %, 32 = 11,11 %, 33 = 12 %; 5, 51, 52, 6, 7 = 0 %.',
  ),
  f(
    'currency',
    'invoice',
    'Currency',
    'Valuta',
    'NOK (the only currency for now).',
    'NOK (eneste valuta foreløpig).',
  ),
]

export const FIELD_BY_NAME: ReadonlyMap<CanonicalField, FieldInfo> = new Map(
  FIELD_INFO.map((i) => [i.field, i]),
)

/** Fields that are one value per invoice: blanks on later rows inherit, differences conflict. */
export const INVOICE_LEVEL_FIELDS: readonly CanonicalField[] = FIELD_INFO.filter(
  (i) => i.level === 'invoice',
).map((i) => i.field)

/** Whether a price field is including or excluding VAT. */
export type PriceBasis = 'incl' | 'excl'

/** The four price fields, each with its basis and the same field on the other basis. */
export const PRICE_FIELDS: Partial<Record<CanonicalField, { basis: PriceBasis; other: CanonicalField }>> = {
  unit_price: { basis: 'incl', other: 'unit_price_excl_vat' },
  amount: { basis: 'incl', other: 'amount_excl_vat' },
  unit_price_excl_vat: { basis: 'excl', other: 'unit_price' },
  amount_excl_vat: { basis: 'excl', other: 'amount' },
}

/** Customer types in words (keyed by Kravia's product type), for every screen, report and message. */
export const CUSTOMER_TYPE_LABELS: Readonly<Record<string, { en: string; nb: string }>> = {
  'kravia.invoice_b2b': { en: 'Business', nb: 'Bedrift' },
  'kravia.invoice_b2b_grouped': { en: 'Business, grouped invoice', nb: 'Bedrift, samlefaktura' },
  'kravia.invoice_b2c': { en: 'Private', nb: 'Privat' },
}

/** "Business (Bedrift)": one customer type for an English text that Norwegian readers also scan. */
export function customerTypeWords(productType: string): string {
  const l = CUSTOMER_TYPE_LABELS[productType]
  return l ? `${l.en} (${l.nb})` : productType
}
