import { createDinteroClient, type DinteroClient } from '../../../src/main/dintero'
import type { Transaction } from '../../../src/main/dintero/types'
import { type RunDeps, type RunOptions, startRun } from '../../../src/main/engine/engine'
import type { RunUpdate } from '../../../src/main/engine/progress'
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../src/main/sandbox'
import type { Db } from '../../../src/main/db/open'

export async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, ...options })
}

export function clientFor(
  sb: Sandbox,
  overrides: { clientSecret?: string; timeoutMs?: number } = {},
): DinteroClient {
  return createDinteroClient({
    baseUrl: sb.baseUrl,
    accountId: sb.accountId,
    clientId: sb.clientId,
    clientSecret: overrides.clientSecret ?? sb.clientSecret,
    timeoutMs: overrides.timeoutMs ?? 5000,
  })
}

/** Every transaction the sandbox holds (the test's ground truth). */
export async function sandboxTransactions(sb: Sandbox): Promise<Transaction[]> {
  const res = await fetch(`${sb.baseUrl}/__sandbox/transactions`)
  return (await res.json()) as Transaction[]
}

export function byReference(txs: Transaction[]): Map<string, Transaction[]> {
  const m = new Map<string, Transaction[]>()
  for (const t of txs) {
    const ref = String(t.merchant_reference)
    m.set(ref, [...(m.get(ref) ?? []), t])
  }
  return m
}

export async function run(
  db: Db,
  client: DinteroClient,
  batchId: string,
  options: RunOptions = {},
  deps: Partial<RunDeps> = {},
) {
  const updates: RunUpdate[] = []
  const handle = startRun({ db, client, ...deps }, batchId, {
    ...options,
    onEvent: (u) => {
      updates.push(u)
      options.onEvent?.(u)
    },
  })
  const summary = await handle.done
  return { summary, updates, handle }
}

/** A Norwegian invoice sheet (the import's canonical headers) with n private-customer invoices. */
export function invoiceCsv(n: number, prefix = 'CSV'): string {
  const head =
    'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;Firmanavn;Org.nr;E-post;Mobil;Adresse;Postnr;Poststed;Land;Linje;Beskrivelse;Antall;Beløp;MVA-sats'
  const rows = Array.from({ length: n }, (_, i) => {
    const ref = `${prefix}-${String(i + 1).padStart(4, '0')}`
    const kr = `${100 + (i % 50)},${String(i % 100).padStart(2, '0')}`
    return `${ref};Privat;14;Kari;Nordmann${i};;;kari${i}@example.no;98765432;Lillegata ${i + 1};5003;Bergen;NO;1;Abonnement;1;${kr};25`
  })
  return `${[head, ...rows].join('\n')}\n`
}
