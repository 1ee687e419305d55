import { defineStrings } from '../define'

/** Column headings of the small tables of figures shown on more than one screen. */
export const figures = defineStrings({
  nb: {
    rate: 'Sats',
    lines: 'Linjer',
    amountInclVat: 'Beløp inkl. mva',
    vat: 'Mva',
    customerType: 'Kundetype',
    invoices: 'Fakturaer',
  },
  en: {
    rate: 'Rate',
    lines: 'Lines',
    amountInclVat: 'Amount incl. VAT',
    vat: 'VAT',
    customerType: 'Customer type',
    invoices: 'Invoices',
  },
})
