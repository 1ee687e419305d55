import { writeFileSync } from 'node:fs'

/**
 * A club's monthly invoice file as its membership system exports it (Norwegian headers,
 * semicolons, decimal commas, one line per invoice). `bad` invoices carry an e-mail address with
 * no @, so the plan leaves them out; `type` adds a "Type" column of product kinds (not customer
 * types), which the Map screen asks about.
 */
export function clubCsv(
  file: string,
  n: number,
  options: { bad?: number; type?: boolean; prefix?: string } = {},
): void {
  const bad = options.bad ?? 0
  const prefix = options.prefix ?? '2026-12-'
  const head = [
    'Fakturanr',
    'Kundetype',
    'Forfall',
    'Fornavn',
    'Etternavn',
    'E-post',
    'Mobil',
    'Adresse',
    'Postnr',
    'Poststed',
    ...(options.type ? ['Type'] : []),
    'Beskrivelse',
    'Antall',
    'Beløp',
    'MVA-sats',
  ]
  const out = [head.join(';')]
  // Spread the bad ones over the file, the way typos are.
  const step = bad > 0 ? Math.max(1, Math.floor(n / bad)) : 0
  for (let i = 0; i < n; i++) {
    const ref = `${prefix}${String(i + 1).padStart(4, '0')}`
    const broken = step > 0 && i % step === 0 && i / step < bad
    const email = broken ? `medlem${i + 1}.example.no` : `medlem${i + 1}@example.no`
    out.push(
      [
        ref,
        'Privat',
        '14',
        'Kari',
        `Nordmann ${i + 1}`,
        email,
        `9${String(1000000 + i).padStart(7, '0')}`,
        'Storgata 1',
        '0151',
        'Oslo',
        ...(options.type ? ['Kontingent'] : []),
        'Medlemskontingent desember',
        '1',
        `${450 + (i % 7) * 25},00`,
        '0',
      ].join(';'),
    )
  }
  writeFileSync(file, `${out.join('\r\n')}\r\n`)
}
