import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

/**
 * Checks requests against Dintero's published schemas (../shared/dintero/schemas.json, beside
 * the repository; CI keeps a copy there too). Swagger 2.0 definitions, so ajv runs non-strict
 * with the spec's custom formats registered.
 */

/** `shared/dintero` in the nearest folder above the repository that has one (worktrees sit deeper). */
function sharedDintero(): string {
  let dir = resolve(import.meta.dirname, '../../../..')
  while (!existsSync(resolve(dir, 'shared', 'dintero')) && dirname(dir) !== dir) dir = dirname(dir)
  return resolve(dir, 'shared', 'dintero')
}

export const SHARED_DINTERO = sharedDintero()
const SCHEMAS = resolve(SHARED_DINTERO, 'schemas.json')

interface Parameter {
  name: string
  in: string
  schema?: object
  type?: string
  maxLength?: number
  items?: { enum?: string[] }
}
interface Operation {
  parameters?: Parameter[]
  kravia_request_body?: object
}
interface Schemas {
  operations: Record<string, Operation>
  definitions: Record<string, object>
}

export const schemas = JSON.parse(readFileSync(SCHEMAS, 'utf8')) as Schemas

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
})
ajv.addFormat('iso3166-alpha2', /^[A-Z]{2}$/)
ajv.addFormat('iso4217-code', /^[A-Z]{3}$/)
ajv.addFormat('checkout-id', /^[PT]\d{8}\.[1-9A-HJ-NP-Za-km-z]+$/)
ajv.addFormat('isodate', /^\d{4}-\d{2}-\d{2}/)
ajv.addFormat('payout_destination_id', /^.{1,40}$/)
ajv.addFormat('^[PT]{1}(?=(?:.{3}|.{8})$)[0-9]*$', /^[PT](?=(?:.{3}|.{8})$)[0-9]*$/)

const compiled = new Map<string, ValidateFunction>()
function validator(key: string, schema: object): ValidateFunction {
  let v = compiled.get(key)
  if (!v) {
    v = ajv.compile({ ...schema, definitions: schemas.definitions })
    compiled.set(key, v)
  }
  return v
}

function bodySchema(operation: string): object | undefined {
  return schemas.operations[operation].parameters?.find((p) => p.in === 'body')?.schema
}

/** ajv errors for a body against an operation's body schema (and the Kravia overlay for pay). */
export function schemaErrors(operation: string, body: unknown): string[] {
  const errors: string[] = []
  const check = (key: string, schema: object | undefined) => {
    if (!schema) return
    const v = validator(key, schema)
    if (!v(body)) errors.push(...(v.errors ?? []).map((e) => `${key}${e.instancePath} ${e.message}`))
  }
  check(operation, bodySchema(operation))
  const kravia = schemas.operations[operation].kravia_request_body
  if (kravia) check(`${operation} (kravia)`, kravia)
  return errors
}

/** Header parameters: enum of Dintero-Feature-Toggles, maxLength of the Dintero-System-* ones. */
export function headerErrors(operation: string, headers: Record<string, string>): string[] {
  const errors: string[] = []
  for (const p of schemas.operations[operation].parameters ?? []) {
    if (p.in !== 'header') continue
    const value = headers[p.name.toLowerCase()]
    if (value === undefined) continue
    if (p.maxLength !== undefined && value.length > p.maxLength)
      errors.push(`${p.name} longer than ${p.maxLength}`)
    const allowed = p.items?.enum
    if (allowed)
      for (const v of value.split(',')) if (!allowed.includes(v.trim())) errors.push(`${p.name}: ${v}`)
  }
  return errors
}

export function tokenBodyErrors(body: unknown): string[] {
  const v = validator('client_credentials', { $ref: '#/definitions/client_credentials' })
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}
