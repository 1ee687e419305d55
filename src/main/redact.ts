/**
 * Removes credentials from anything about to be logged. The log must never hold a secret, so the
 * string rules are deliberately greedy: a false positive costs a readable log line, a false
 * negative leaks a credential.
 */

/** Key names whose values are secrets, compared without case, `_` or `-` (clientSecret, x-api-key …). */
const SECRET_KEY_NAMES = new Set([
  'authorization',
  'proxyauthorization',
  'clientsecret',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'apikey',
  'xapikey',
  'password',
  'secret',
  'token',
])

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_NAMES.has(key.toLowerCase().replace(/[_-]/g, ''))
}

// Names that introduce a secret inside a string: a query or form value (`client_secret=…`), a
// header or YAML-ish line (`X-Api-Key: …`), or JSON, also JSON escaped inside another string
// (`{\"client_secret\":\"…\"}`). Separators between the words may be `_`, `-` or nothing.
const SECRET_NAME =
  '(?:client[_-]?secret|refresh[_-]?token|id[_-]?token|access[_-]?token|(?:x[_-]?)?api[_-]?key|password)'
// name, an optional closing quote (maybe escaped), `=` or `:`, optional spaces and an opening quote.
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`(${SECRET_NAME}\\?["']?\s*[=:]\s*\\?["']?)[^\s"'&,;}\\]+`,
  'gi',
)
// `Bearer abc`, `basic abc`, `Authorization: Bearer abc`, any case, tabs included.
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)[A-Za-z0-9._~+/=-]+/gi
// A JWT anywhere, even glued to a word (`tokeneyJ…`, `id=eyJ…`): header and payload are base64url
// JSON, so both start with `eyJ`.
const JWT =
  /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g

export function redactString(text: string): string {
  return text
    .replace(JWT, '[redacted-jwt]')
    .replace(AUTH_SCHEME, '$1$2[redacted]')
    .replace(SECRET_ASSIGNMENT, '$1[redacted]')
}

/** Strings, errors, arrays and objects (values under secret-named keys are dropped whole). */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value)
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), stack: redactString(value.stack ?? '') }
  }
  if (Array.isArray(value)) return depth > 6 ? '[…]' : value.map((v) => redact(v, depth + 1))
  if (value && typeof value === 'object') {
    if (depth > 6) return '[…]'
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecretKey(k) ? '[redacted]' : redact(v, depth + 1)
    }
    return out
  }
  return value
}
