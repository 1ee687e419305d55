import { randomBytes, timingSafeEqual } from 'node:crypto'
import { dinteroError, json, parseJsonBody, type Reply, type Req, type SandboxState } from './http-util'

/** `POST /v1/accounts/{aid}/auth/token` and the bearer check every other `/v1` route makes. */

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function issueToken(state: SandboxState, req: Req, aid: string): Reply {
  const header = req.headers.authorization ?? ''
  const match = /^Basic\s+(\S+)$/i.exec(header)
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : ''
  const colon = decoded.indexOf(':')
  const id = colon >= 0 ? decoded.slice(0, colon) : ''
  const secret = colon >= 0 ? decoded.slice(colon + 1) : ''
  if (!match || colon < 0) {
    return dinteroError(401, 'UNAUTHORIZED', 'Authorization: Basic client_id:client_secret is required')
  }
  if (!same(id, state.clientId) || !same(secret, state.clientSecret)) {
    return dinteroError(401, 'UNAUTHORIZED', 'Unknown client id or wrong client secret')
  }
  if (aid !== state.accountId) {
    return dinteroError(403, 'FORBIDDEN', `The client has no access to account ${aid}`)
  }
  const parsed = parseJsonBody(req.body)
  if ('error' in parsed) return parsed.error
  const body = parsed.value as { grant_type?: unknown; audience?: unknown } | undefined
  if (!body || typeof body !== 'object' || body.grant_type !== 'client_credentials') {
    return dinteroError(400, 'INVALID_REQUEST', 'grant_type: must be "client_credentials"', [
      { field: 'grant_type', message: 'must be "client_credentials"' },
    ])
  }
  const audience = `https://api.dintero.com/v1/accounts/${aid}`
  if (body.audience !== audience) {
    return dinteroError(403, 'FORBIDDEN', `audience: must be ${audience}`, [
      { field: 'audience', message: `must be ${audience}` },
    ])
  }
  const now = state.clock()
  if (state.tokens.size > 10_000) {
    for (const [t, exp] of state.tokens) if (exp <= now) state.tokens.delete(t)
  }
  const token = `sbx.${randomBytes(24).toString('base64url')}`
  state.tokens.set(token, now + state.tokenTtlSeconds * 1000)
  return json(200, { access_token: token, token_type: 'Bearer', expires_in: state.tokenTtlSeconds })
}

/** null when the bearer token is valid, otherwise the 401 to answer with. */
export function checkBearer(state: SandboxState, req: Req): Reply | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (!match) return dinteroError(401, 'UNAUTHORIZED', 'Authorization: Bearer token is missing')
  const expires = state.tokens.get(match[1])
  if (expires === undefined) return dinteroError(401, 'UNAUTHORIZED', 'The access token is not valid')
  if (expires <= state.clock()) {
    state.tokens.delete(match[1])
    return dinteroError(401, 'UNAUTHORIZED', 'The access token has expired')
  }
  return null
}
