/**
 * Header words people use for each canonical field, in Norwegian and English, as normalised keys
 * (see normalizeHeader: lower case, æ→ae ø→o å→a, no punctuation or spaces; `%` becomes `pct`).
 */
import type { CanonicalField } from '../../shared/canonical'
import { LINE_SYNONYMS } from './line-synonyms'

/** Order exports' reference words (see SECOND_CHOICE). */
const ORDER_REFERENCES = ['ordrenr', 'ordrenummer', 'ordreid', 'orderid', 'ordernumber', 'orderno']

export const SYNONYMS: Record<CanonicalField, readonly string[]> = {
  merchant_reference: [
    'merchantreference',
    'fakturanr',
    'fakturanummer',
    'faktura',
    'fakturaid',
    'fakturaref',
    'invoice',
    'invoiceno',
    'invoicenumber',
    'invoicenr',
    'invoiceid',
    'invoiceref',
    'reference',
    'referanse',
    'ref',
    'refnr',
    'refno',
    'referansenr',
    'referansenummer',
    ...ORDER_REFERENCES,
    'bilagsnr',
    'bilagsnummer',
    'dokumentnr',
  ],
  payment_product_type: [
    'paymentproducttype',
    'producttype',
    'kundetype',
    'customertype',
    'fakturatype',
    'invoicetype',
    'kundekategori',
    'type',
    'kravia',
    'kraviatype',
    'b2bb2c',
  ],
  days_until_due: [
    'daysuntildue',
    'dagertilforfall',
    'forfallsdager',
    'kredittid',
    'kreditttid',
    'kredittdager',
    'betalingsbetingelser',
    'betalingsbetingelse',
    'betalingsbet',
    'betbet',
    'betalingsvilkar',
    'betingelse',
    'paymentterm',
    'betingelser',
    'paymentterms',
    'terms',
    'netdays',
    'dueindays',
    'daystodue',
    'dager',
  ],
  due_date: ['duedate', 'forfallsdato', 'forfallsdag', 'betalingsdato', 'betalesinnen', 'payby', 'duedato'],
  invoice_channel: ['invoicechannel', 'fakturakanal', 'kanal', 'channel', 'utsendelse', 'leveringsmate'],
  first_name: ['firstname', 'fornavn', 'givenname', 'forename', 'kontaktfornavn', 'kontaktpersonfornavn'],
  last_name: ['lastname', 'etternavn', 'surname', 'familyname', 'kontaktetternavn', 'kontaktpersonetternavn'],
  full_name: [
    'fullname',
    'fulltnavn',
    'navn',
    'name',
    'kontaktperson',
    'kontakt',
    'kontaktnavn',
    'contact',
    'contactperson',
    'contactname',
    'medlemsnavn',
    'medlem',
    'fornavnogetternavn',
    'fornavnetternavn',
    'etternavnogfornavn',
    'etternavnfornavn',
    'firstandlastname',
    'firstnamelastname',
    'lastnamefirstname',
  ],
  business_name: [
    'businessname',
    'firma',
    'firmanavn',
    'company',
    'companyname',
    'bedrift',
    'bedriftsnavn',
    'selskap',
    'selskapsnavn',
    'organisasjon',
    'organisasjonsnavn',
    'organization',
    'organisation',
    'foretak',
    'foretaksnavn',
    'kundenavn',
    'kunde',
    'customer',
    'customername',
  ],
  organization_number: [
    'organizationnumber',
    'organisationnumber',
    'orgnr',
    'orgnummer',
    'organisasjonsnummer',
    'organisasjonsnr',
    'orgno',
    'orgnumber',
    'foretaksnummer',
    'foretaksnr',
    'organizationno',
    'companynumber',
    'companyno',
  ],
  email: ['email', 'epost', 'mail', 'emailaddress', 'epostadresse', 'mailadresse', 'emailadresse'],
  phone_number: [
    'phonenumber',
    'phone',
    'telefon',
    'telefonnummer',
    'telefonnr',
    'tlf',
    'tlfnr',
    'mobil',
    'mobilnummer',
    'mobilnr',
    'mobile',
    'mobilenumber',
    'mobiltelefon',
    'telephone',
    'cellphone',
  ],
  address_line: [
    'addressline',
    'address',
    'adresse',
    'gateadresse',
    'street',
    'streetaddress',
    'addressline1',
    'adresse1',
    'adresselinje',
    'adresselinje1',
    'fakturaadresse',
    'billingaddress',
    'gate',
  ],
  address_line_2: ['addressline2', 'adresse2', 'adresselinje2', 'address2', 'co', 'careof', 'coadresse'],
  postal_code: ['postalcode', 'postnr', 'postnummer', 'zip', 'zipcode', 'postcode', 'postkode'],
  postal_place: ['postalplace', 'poststed', 'sted', 'city', 'town', 'by', 'postalcity', 'postby'],
  postal_code_place: [
    'postalcodeplace',
    'postnrogsted',
    'postnrsted',
    'postnrogpoststed',
    'postnrpoststed',
    'postnummerogsted',
    'postnummersted',
    'postnummerogpoststed',
    'postnummerpoststed',
    'postalcodeandplace',
    'postalcodeandcity',
    'postcodeandcity',
    'zipandcity',
    'zipcity',
  ],
  country: ['country', 'land', 'countrycode', 'landkode', 'nasjon'],
  customer_reference: [
    'customerreference',
    'kundereferanse',
    'deresref',
    'deresreferanse',
    'yourreference',
    'yourref',
    'kunderef',
    'bestillerreferanse',
    'customerref',
  ],
  ...LINE_SYNONYMS,
}

/**
 * Short or general words that are a field only as the whole header: "Kunde" is the customer's
 * name, but "Kundenummer" is not; "Kontaktperson" is a name, but "Kontaktperson e-post" is not.
 * They never match inside a longer header.
 */
export const WHOLE_HEADER_ONLY: ReadonlySet<string> = new Set([
  'kunde',
  'customer',
  'kontakt',
  'contact',
  'kontaktperson',
  'contactperson',
  'medlem',
])

/**
 * Order exports' own reference words: they hold the invoice number only when the sheet has no
 * invoice-number column, so they match with less confidence than `Fakturanr` and lose to it.
 */
export const SECOND_CHOICE: ReadonlySet<string> = new Set(ORDER_REFERENCES)

/** Customer-name headers: the person's full name on a private invoice that has no name columns. */
export const CUSTOMER_NAME_KEYS: ReadonlySet<string> = new Set([
  'kundenavn',
  'kunde',
  'customer',
  'customername',
])

/**
 * Headers whose meaning depends on the values below them. `MVA` may hold a rate or an amount;
 * `Sum` may be a line or an invoice total; `Forfall` may be a date or a number of days;
 * `Postadresse` may be a street or a postal code with its place.
 */
export const VALUE_DECIDED: Record<string, 'vat' | 'total' | 'due' | 'postal'> = {
  vat: 'vat',
  mva: 'vat',
  moms: 'vat',
  tax: 'vat',
  avgift: 'vat',
  sum: 'total',
  total: 'total',
  totalt: 'total',
  totalsum: 'total',
  totalbelop: 'total',
  sumbelop: 'total',
  postadresse: 'postal',
  forfall: 'due',
  betalingsfrist: 'due',
  frist: 'due',
  due: 'due',
}

/** A header in lower case with æøå and accents spelled out in ASCII letters (`Beløp` → `belop`). */
export function foldHeader(h: string): string {
  return h
    .normalize('NFC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åäâàá]/g, 'a')
    .replace(/[éèêë]/g, 'e')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
}

/** Normalised key: `Org.nr` → `orgnr`, `E-post` → `epost`, `Beløp` → `belop`, `Mva %` → `mvapct`. */
export function normalizeHeader(h: string): string {
  return foldHeader(h.replace(/%/g, 'pct')).replace(/[^a-z0-9]/g, '')
}
