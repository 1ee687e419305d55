import { writeFileSync } from 'node:fs'

/**
 * A month's invoices as a small business exports them: 3,000 lines, two lines per invoice, business
 * customers (with organisation number) and private ones, VAT at 25, 15 and 0 %, and one invoice in
 * fifty with an e-mail address that is not one (so 2 % are left out). Norwegian headers and
 * formats, `;`-separated, UTF-8.
 */
export function writeMonthFile(file: string, lines = 3_000): void {
  const out = [
    'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;Firma;Org.nr;E-post;Telefon;Adresse;Postnr;Poststed;Beskrivelse;Antall;Pris;MVA-sats',
  ]
  const rates = ['25', '15', '0']
  for (let i = 0; i < lines; i++) {
    const n = Math.floor(i / 2)
    const inv = 20_000 + n
    const business = n % 3 === 0
    const email = n % 50 === 7 ? `kunde${inv}(at)example.no` : `kunde${inv}@example.no`
    const firm = business ? `Fjord ${inv} AS;923 609 016` : ';'
    const price = `${1_000 + (i % 700)},${String(i % 100).padStart(2, '0')}`
    out.push(
      `${inv};${business ? 'Bedrift' : 'Privat'};14;Kari;Nordmann;${firm};${email};90011223;Storgata 1;0151;Oslo;Timer ${i};${1 + (i % 3)};${price};${rates[i % 3]}`,
    )
  }
  writeFileSync(file, `${out.join('\r\n')}\r\n`)
}
