/**
 * Two months of a gym's invoices as its membership system exports them (Norwegian headers,
 * semicolons, decimal commas): October as sent, and November with three mistakes of the kind a
 * monthly run makes — a member silently dropped out of the export (Per Olsen), an amount typed
 * with an extra zero (Lars Eriksen: 5 990,00 for 599,00), and a row pasted twice under a new
 * invoice number (Kari Nordmann) — plus one real new member (Jonas Dahl).
 */

const HEAD =
  'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;Firmanavn;Org.nr;E-post;Mobil;Adresse;Postnr;Poststed;Land;Linje;Beskrivelse;Antall;Beløp;MVA-sats'

interface Member {
  first: string
  last: string
  firm?: string
  org?: string
  email: string
  phone: string
  street: string
  zip: string
  city: string
  lines: [string, string][]
}

const FIRMS: Member[] = [
  {
    first: 'Hanne',
    last: 'Bakke',
    firm: 'Bakeriet på Hjørnet AS',
    org: '974760673',
    email: 'faktura@bakeriet.no',
    phone: '91234567',
    street: 'Torggata 3',
    zip: '0181',
    city: 'Oslo',
    lines: [['Bedriftsavtale trening', '4 990,00']],
  },
  {
    first: 'Geir',
    last: 'Fjordvik',
    firm: 'Fjordvik Regnskap AS',
    org: '923609016',
    email: 'post@fjordvik.no',
    phone: '92345678',
    street: 'Strandkaien 12',
    zip: '5013',
    city: 'Bergen',
    lines: [['Bedriftsavtale trening', '4 990,00']],
  },
  {
    first: 'Siri',
    last: 'Lund',
    firm: 'Nordlys Elektro AS',
    org: '981276957',
    email: 'regnskap@nordlys-elektro.no',
    phone: '93456789',
    street: 'Industriveien 8',
    zip: '7080',
    city: 'Heimdal',
    lines: [['Bedriftsavtale trening', '7 490,00']],
  },
]

const PEOPLE: Member[] = [
  {
    first: 'Kari',
    last: 'Nordmann',
    email: 'kari.nordmann@example.no',
    phone: '98765432',
    street: 'Lillegata 5',
    zip: '5003',
    city: 'Bergen',
    lines: [['Medlemskap måned', '599,00']],
  },
  {
    first: 'Ola',
    last: 'Hansen',
    email: 'ola.hansen@example.no',
    phone: '97654321',
    street: 'Bakkeveien 2',
    zip: '0452',
    city: 'Oslo',
    lines: [['Medlemskap måned', '599,00']],
  },
  {
    first: 'Ingrid',
    last: 'Berg',
    email: 'ingrid.berg@example.no',
    phone: '96543210',
    street: 'Fjellstien 14',
    zip: '7030',
    city: 'Trondheim',
    lines: [
      ['Medlemskap måned', '599,00'],
      ['Personlig trener, 2 timer', '1 400,00'],
    ],
  },
  {
    first: 'Per',
    last: 'Olsen',
    email: 'per.olsen@example.no',
    phone: '95432109',
    street: 'Elveveien 9',
    zip: '3015',
    city: 'Drammen',
    lines: [['Medlemskap måned', '599,00']],
  },
  {
    first: 'Sofie',
    last: 'Johansen',
    email: 'sofie.johansen@example.no',
    phone: '94321098',
    street: 'Studentbyen 1',
    zip: '0855',
    city: 'Oslo',
    lines: [['Medlemskap student', '399,00']],
  },
  {
    first: 'Lars',
    last: 'Eriksen',
    email: 'lars.eriksen@example.no',
    phone: '99887766',
    street: 'Sjøgata 22',
    zip: '8006',
    city: 'Bodø',
    lines: [['Medlemskap måned', '599,00']],
  },
  {
    first: 'Nora',
    last: 'Haugen',
    email: 'nora.haugen@example.no',
    phone: '98877665',
    street: 'Parkveien 31',
    zip: '4006',
    city: 'Stavanger',
    lines: [['Medlemskap måned', '599,00']],
  },
  {
    first: 'Emil',
    last: 'Larsen',
    email: 'emil.larsen@example.no',
    phone: '97766554',
    street: 'Kirkegata 7',
    zip: '9008',
    city: 'Tromsø',
    lines: [['Medlemskap måned', '599,00']],
  },
]

const JONAS: Member = {
  first: 'Jonas',
  last: 'Dahl',
  email: 'jonas.dahl@example.no',
  phone: '96655443',
  street: 'Nygata 4',
  zip: '2317',
  city: 'Hamar',
  lines: [['Medlemskap måned', '599,00']],
}

function rows(ref: string, m: Member): string[] {
  return m.lines.map(([text, amount], i) =>
    [
      ref,
      m.firm ? 'Bedrift' : 'Privat',
      '14',
      m.first,
      m.last,
      m.firm ?? '',
      m.org ?? '',
      m.email,
      m.phone,
      m.street,
      m.zip,
      m.city,
      'NO',
      String(i + 1),
      text,
      '1',
      amount,
      '25',
    ].join(';'),
  )
}

function month(
  prefix: string,
  members: Member[],
  extra: (ref: (n: number) => string) => string[] = () => [],
): string {
  const ref = (n: number) => `${prefix}-${String(n).padStart(3, '0')}`
  const body = members.flatMap((m, i) => rows(ref(i + 1), m))
  return `${[HEAD, ...body, ...extra(ref)].join('\n')}\n`
}

/** October: 11 invoices, 12 lines, 23 462,00 kr. */
export function october(): string {
  return month('2026-10', [...FIRMS, ...PEOPLE])
}

/** November: Per Olsen gone, Lars Eriksen at 5 990,00, Kari Nordmann twice (…-012 is the pasted copy), Jonas Dahl new. */
export function november(): string {
  const people = PEOPLE.filter((p) => p.last !== 'Olsen').map((p) =>
    p.last === 'Eriksen' ? { ...p, lines: [['Medlemskap måned', '5 990,00']] as [string, string][] } : p,
  )
  const members = [...FIRMS, ...people, JONAS]
  return month('2026-11', members, (ref) => rows(ref(members.length + 1), PEOPLE[0]))
}
