import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../../src/main/sandbox'
import { LIST_PARAMETERS } from '../../../src/main/sandbox/routes-list'
import { SHARED_DINTERO } from '../dintero/request-check'
import { pay, payBody, raw, token } from './helpers'

const SPEC = resolve(SHARED_DINTERO, 'spec-payments-2024.yaml')

/**
 * The query parameters Dintero's spec lists for `GET /transactions`, read from the YAML text: the
 * route's own `- name:` entries plus the shared ones it `$ref`s under the top-level `parameters:`.
 */
function specParameters(): string[] {
  const lines = readFileSync(SPEC, 'utf8').split('\n')
  const route = lines.indexOf('  /transactions:')
  const start = lines.indexOf('      parameters:', route)
  const names: string[] = []
  for (let i = start + 1; i < lines.length && !/^ {6}\S/.test(lines[i]); i++) {
    const own = /^ {8}- name: (\S+)/.exec(lines[i])
    if (own) names.push(own[1])
    const ref = /^ {8}- \$ref: '#\/parameters\/(\w+)'/.exec(lines[i])
    if (ref) {
      const at = lines.indexOf(`  ${ref[1]}:`, lines.indexOf('parameters:'))
      const name = lines.slice(at + 1, at + 30).find((l) => /^ {4}name: /.test(l))
      names.push(name!.trim().slice('name: '.length))
    }
  }
  return names
}

let sb: Sandbox
let tok: string
const ids: string[] = []
let when: number
beforeAll(async () => {
  when = Date.parse('2026-03-01T09:00:00Z')
  sb = await startSandbox({ clock: () => when })
  tok = await token(sb)
  // 12 invoices an hour apart: amounts 1000, 2000, …; references lf-1 … lf-12; odd ones B2C.
  for (let i = 1; i <= 12; i++) {
    const r = await pay(
      sb,
      tok,
      payBody(`lf-${i}`, i % 2 ? 'kravia.invoice_b2c' : 'kravia.invoice_b2b', i * 1000),
    )
    ids.push(r.json.id)
    when += 3_600_000
    tok = await token(sb) // the sandbox's clock moves faster than a token lives
  }
  await raw(sb, 'POST', `/__sandbox/transactions/${ids[2]}/pay`, { body: { amount: 3000 } })
  await raw(sb, 'POST', `/__sandbox/transactions/${ids[3]}/pay`, { body: { amount: 1000 } })
  await raw(sb, 'POST', `/v1/transactions/${ids[4]}/void`, { token: tok })
})
afterAll(() => sb.close())

const list = async (query: string) => {
  const r = await raw(sb, 'GET', `/v1/transactions?${query}`, { token: tok })
  return r
}
const idsOf = (r: { json: { id: string }[] }) => r.json.map((t) => t.id)
const q = (...indexes: number[]) => indexes.map((i) => `id=${encodeURIComponent(ids[i])}`).join('&')

describe('sandbox: GET /v1/transactions query parameters', () => {
  it('knows exactly the parameters the spec lists for the route', () => {
    const spec = specParameters()
    expect(spec.length).toBeGreaterThan(20)
    expect(spec).toContain('id')
    expect(Object.keys(LIST_PARAMETERS).sort()).toEqual([...spec].sort())
  })

  it('repeated id returns those transactions (newest first), unknown ids are simply absent', async () => {
    const r = await list(`${q(0, 5, 11)}&id=T12345678.nosuchtransactionxxxxx&limit=100`)
    expect(r.status).toBe(200)
    expect(idsOf(r)).toEqual([ids[11], ids[5], ids[0]])
  })

  it('id combines with the other filters: every one given must hold', async () => {
    expect(idsOf(await list(`${q(0, 1, 2, 3, 4)}&status=AUTHORIZED`))).toEqual([ids[1], ids[0]])
    expect(idsOf(await list(`${q(0, 1, 2, 3, 4)}&status=CAPTURED&status=PARTIALLY_CAPTURED`))).toEqual([
      ids[3],
      ids[2],
    ])
    expect(idsOf(await list(`${q(0, 1, 2)}&merchant_reference=lf-2`))).toEqual([ids[1]])
    expect(idsOf(await list(`${q(0, 1, 2, 3)}&payment_product_type=kravia.invoice_b2c`))).toEqual([
      ids[2],
      ids[0],
    ])
    expect(idsOf(await list(`${q(0, 5, 9)}&amount.gte=6000&amount.lte=10000`))).toEqual([ids[9], ids[5]])
    expect(idsOf(await list(`${q(0, 5, 9)}&amount=6000`))).toEqual([ids[5]])
    expect(idsOf(await list(`${q(0, 5, 9)}&created_at.gte=2026-03-01T12:00:00`))).toEqual([ids[9], ids[5]])
    expect(idsOf(await list(`${q(0, 5, 9)}&created_at.lte=2026-03-01T12:00:00Z`))).toEqual([ids[0]])
    expect(idsOf(await list(`${q(0, 2, 3)}&captured_at.gte=2026-03-01`))).toEqual([ids[3], ids[2]])
    expect(idsOf(await list(`${q(0, 2, 3)}&refunded_at.gte=2026-03-01`))).toEqual([])
    expect(idsOf(await list(`${q(0, 7, 8)}&search=LF-8`))).toEqual([ids[7]])
    expect(idsOf(await list(`${q(0, 7)}&currency=NOK&currency=SEK&payment_product=kravia`))).toEqual([
      ids[7],
      ids[0],
    ])
    expect(idsOf(await list(`${q(0, 7)}&card_brand=VISA`))).toEqual([])
  })

  it('limit and starting_after page through an id list', async () => {
    const all = q(...ids.map((_, i) => i))
    const first = await list(`${all}&limit=5`)
    expect(idsOf(first)).toEqual([11, 10, 9, 8, 7].map((i) => ids[i]))
    const second = await list(`${all}&limit=5&starting_after=${encodeURIComponent(ids[7])}`)
    expect(idsOf(second)).toEqual([6, 5, 4, 3, 2].map((i) => ids[i]))
    const rest = await list(`${all}&limit=100&starting_after=${encodeURIComponent(ids[2])}`)
    expect(idsOf(rest)).toEqual([ids[1], ids[0]])
    expect(idsOf(await list(all))).toHaveLength(10) // the default limit
  })

  it('refuses what the spec does not allow, naming the parameter', async () => {
    for (const [query, field] of [
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
      ['status=PAID', 'status'],
      ['amount.gte=12,5', 'amount.gte'],
      ['created_at.gte=yesterday', 'created_at.gte'],
      ['merchant_reference=a&merchant_reference=b', 'merchant_reference'],
      ['starting_after=T12345678.nosuchtransactionxxxxx', 'starting_after'],
      ['ids=abc', 'ids'],
    ]) {
      const r = await list(query)
      expect(r.status, query).toBe(400)
      expect(r.json.error.errors.map((e: { field: string }) => e.field)).toContain(field)
    }
  })

  it('the list-omit fault leaves transactions out of list answers but not of reads by id', async () => {
    sb.setFaults({ listOmitRate: 1 })
    try {
      expect(idsOf(await list(q(0, 1, 2)))).toEqual([])
      expect((await raw(sb, 'GET', `/v1/transactions/${ids[0]}`, { token: tok })).status).toBe(200)
    } finally {
      sb.setFaults({ listOmitRate: 0 })
    }
  })
})
