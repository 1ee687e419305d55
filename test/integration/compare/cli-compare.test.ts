import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliContext, runCommand } from '../../../src/main/cli/context'
import { silentLogger } from '../../../src/main/log'
import type { Sandbox } from '../../../src/main/sandbox'
import type { Comparison } from '../../../src/shared/comparison'
import { sandbox } from '../engine/helpers'
import { november, october } from './months'

let dir: string
let sb: Sandbox
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-compare-'))
  sb = await sandbox()
  writeFileSync(join(dir, 'oktober.csv'), october())
  writeFileSync(join(dir, 'november.csv'), november())
})
afterAll(async () => {
  await sb.close()
  rmSync(dir, { recursive: true, force: true })
})

async function cli(name: 'submit' | 'validate', args: string[], json: boolean) {
  const out: string[] = []
  const err: string[] = []
  const ctx: Omit<CliContext, 'connector'> = {
    dataDir: join(dir, 'data'),
    json,
    verbose: false,
    log: silentLogger,
    env: {},
    interactive: false,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    signal: new AbortController().signal,
  }
  const { command } = await import(`../../../src/main/cli/commands/${name}.ts`)
  return { code: (await runCommand(command, args, ctx)) as number, out, err }
}

const submit = (file: string, json = false) =>
  cli('submit', [join(dir, file), '--env', 'sandbox', '--yes', '--api-url', sb.baseUrl], json)

describe('validate and submit compare the run with the previous one', () => {
  it('checks only the batch itself before there is a previous run', async () => {
    const r = await cli('validate', [join(dir, 'november.csv')], true)
    const doc = JSON.parse(r.out.join('')) as { comparison: Comparison; warnings: { code: string }[] }
    expect(doc.comparison.previous_batch).toBeNull()
    expect(doc.comparison.totals.previous).toBeNull()
    expect(doc.comparison.possible_duplicates).toHaveLength(1)
    expect(doc.warnings.map((w) => w.code)).toEqual(['possible_duplicate'])
  })

  it('after October was sent, November shows the pasted row, the missing member, the new one and the extra zero', async () => {
    const sent = await submit('oktober.csv')
    expect(sent.code).toBe(0)
    const batchId = sent.out[0].replace('batch ', '')

    const r = await cli('validate', [join(dir, 'november.csv')], true)
    expect(r.code).toBe(0) // warnings only
    const doc = JSON.parse(r.out.join('')) as {
      comparison: Comparison
      warnings: { code: string; rows: number[]; message_nb: string }[]
    }
    const c = doc.comparison
    expect(c.previous_batch).toMatchObject({ id: batchId, source_name: 'oktober.csv' })
    expect(c.totals).toEqual({
      this: { invoices: 12, amount: 29452_00 },
      previous: { invoices: 11, amount: 23462_00 },
      change_percent: { invoices: 9.1, amount: 25.5 },
    })
    expect(c.possible_duplicates.map((d) => d.invoices)).toEqual([
      [
        { merchant_reference: '2026-11-004', rows: [5] },
        { merchant_reference: '2026-11-012', rows: [14] },
      ],
    ])
    expect(c.customers_missing.map((m) => [m.customer.name, m.previous_references])).toEqual([
      ['Per Olsen', ['2026-10-007']],
    ])
    expect(c.customers_new.map((n) => [n.customer.name, n.references, n.rows])).toEqual([
      ['Jonas Dahl', ['2026-11-011'], [13]],
    ])
    expect(
      c.amounts_changed.map((a) => [a.customer.name, a.previous_amount, a.amount, a.change_percent]),
    ).toEqual([
      ['Kari Nordmann', 599_00, 1198_00, 100],
      ['Lars Eriksen', 599_00, 5990_00, 900],
    ])
    // 5 990 is exactly 10× the usual 599: not *more* than 10×, so no outlier; the change above catches it.
    expect(c.amount_outliers).toEqual([])
    expect(doc.warnings.map((w) => w.code)).toEqual([
      'possible_duplicate',
      'customer_missing',
      'customer_new',
      'amount_changed',
      'amount_changed',
    ])
    expect(doc.warnings[1].message_nb).toBe(
      'Per Olsen (per.olsen@example.no) ble fakturert i forrige kjøring (2026-10-007, 599,00 kr), men er ikke med i denne.',
    )

    const text = await cli('validate', [join(dir, 'november.csv')], false)
    expect(text.out).toContain(
      `Compared with the previous run ${batchId} (oktober.csv, ${c.previous_batch?.finished_at?.slice(0, 10)}):`,
    )
    expect(text.out).toContain(
      '  invoices 12 (previous 11, +9.1 %), total 29,452.00 NOK (previous 23,462.00 NOK, +25.5 %)',
    )
  })

  it('submit --json carries the comparison and its warnings in the plan event', async () => {
    const r = await submit('november.csv', true)
    expect(r.code).toBe(0)
    const plan = r.out.map((l) => JSON.parse(l)).find((e) => e.event === 'plan') as {
      comparison: Comparison
      warnings: { code: string; merchant_reference: string | null }[]
    }
    expect(plan.comparison.previous_batch?.source_name).toBe('oktober.csv')
    expect(plan.warnings.find((w) => w.code === 'possible_duplicate')?.merchant_reference).toBe('2026-11-012')
    expect(plan.comparison.customers_missing).toHaveLength(1)
  })
})
