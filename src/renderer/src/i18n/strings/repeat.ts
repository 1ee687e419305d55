import { defineStrings } from '../define'

/** "A new run based on this batch" on History. */
export const repeat = defineStrings({
  nb: {
    button: 'Ny kjøring basert på denne',
    title: 'Ny kjøring basert på kjøring {id}',
    intro:
      'Samme kunder og fakturalinjer som i denne kjøringen, med nye fakturanumre. Du ser over og kan endre alt i gjennomgangen før noe sendes.',
    pattern: 'Nye fakturanumre',
    patternHelp:
      '{ref} er det gamle fakturanummeret, {yyyy} {mm} {dd} dagens dato, {n} en teller ({n:4} med fire sifre). Eksempel: {ref}-{yyyy}{mm} eller MEDLEM-{n:4}.',
    start: 'Telleren starter på',
    includeVoided: 'Ta med kansellerte fakturaer ({count})',
    includeFailed: 'Ta med feilede og ikke sendte fakturaer ({count})',
    preview: '{count} fakturaer, {amount}',
    previewOne: '1 faktura, {amount}',
    example: '{from} blir {to}',
    checking: 'Sjekker …',
    open: 'Åpne i gjennomgang',
    cancel: 'Avbryt',
  },
  en: {
    button: 'New run based on this',
    title: 'New run based on batch {id}',
    intro:
      'The same customers and invoice lines as this batch, under new invoice numbers. You review and can change everything on Review before anything is sent.',
    pattern: 'New invoice numbers',
    patternHelp:
      "{ref} is the old invoice number, {yyyy} {mm} {dd} today's date, {n} a counter ({n:4} with four digits). Example: {ref}-{yyyy}{mm} or MEMBER-{n:4}.",
    start: 'The counter starts at',
    includeVoided: 'Include voided invoices ({count})',
    includeFailed: 'Include failed and unsent invoices ({count})',
    preview: '{count} invoices, {amount}',
    previewOne: '1 invoice, {amount}',
    example: '{from} becomes {to}',
    checking: 'Checking …',
    open: 'Open on Review',
    cancel: 'Cancel',
  },
})
