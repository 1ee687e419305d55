import { describe, expect, it } from 'vitest'
import { redact, redactString } from '../../../src/main/redact'

// A real-shaped JWT (header.payload.signature) and a secret that must never survive.
const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJUMTIzNDU2NzgifQ.c2lnbmF0dXJlLXBhcnQ'
const SECRET = 'S3cr3t-Value_42'

describe('log redaction of strings', () => {
  // [what, input, text that must be gone, text that must stay]
  it.each([
    ['a bearer header', `Authorization: Bearer ${SECRET}`, SECRET, 'Authorization: Bearer'],
    ['bearer in capitals', `BEARER ${SECRET}`, SECRET, 'BEARER'],
    ['bearer in lower case after a tab', `auth=bearer\t${SECRET}`, SECRET, 'bearer'],
    ['basic credentials', `Basic ${SECRET}`, SECRET, 'Basic'],
    [
      'a form-encoded client secret',
      `grant_type=client_credentials&client_secret=${SECRET}&x=1`,
      SECRET,
      'x=1',
    ],
    ['the client secret in capitals', `CLIENT_SECRET=${SECRET}`, SECRET, 'CLIENT_SECRET='],
    ['a JSON client secret inside a message', `body {"client_secret":"${SECRET}","a":1}`, SECRET, '"a":1'],
    ['JSON with spaces around the colon', `{"client_secret" : "${SECRET}"}`, SECRET, 'client_secret'],
    ['escaped JSON inside JSON', `"{\\"client_secret\\":\\"${SECRET}\\"}"`, SECRET, 'client_secret'],
    ['camelCase clientSecret', `clientSecret: ${SECRET}`, SECRET, 'clientSecret'],
    ['a hyphenated client-secret', `client-secret=${SECRET}`, SECRET, 'client-secret'],
    ['a refresh token', `refresh_token=${SECRET}`, SECRET, 'refresh_token'],
    ['an id token in JSON', `{"id_token": "${SECRET}"}`, SECRET, 'id_token'],
    [
      'an access token in a query',
      `https://x.example/cb?access_token=${SECRET}&state=ok`,
      SECRET,
      'state=ok',
    ],
    ['an access token in mixed case', `Access_Token: '${SECRET}'`, SECRET, 'Access_Token'],
    ['an api key header', `X-Api-Key: ${SECRET}`, SECRET, 'X-Api-Key'],
    ['an apikey query value', `?apikey=${SECRET}`, SECRET, 'apikey'],
    ['an api_key in JSON', `{"api_key":"${SECRET}"}`, SECRET, 'api_key'],
    ['a password', `password=${SECRET}`, SECRET, 'password'],
    ['a JWT on its own', `token ${JWT} expired`, JWT.slice(0, 20), 'expired'],
    ['a JWT glued to a word', `abc${JWT}def`, 'c2lnbmF0dXJl', '[redacted-jwt]'],
    [
      'a JWT in a URL',
      `https://checkout.dintero.com/v1/view/${JWT}`,
      'eyJzdWIi',
      'https://checkout.dintero.com/v1/view/',
    ],
    ['a JWT after an equals sign', `id=${JWT}`, 'eyJhbGci', 'id='],
  ])('removes %s', (_what, input, gone, kept) => {
    const out = redactString(input)
    expect(out).not.toContain(gone)
    expect(out).toContain(kept)
  })

  it.each([
    'The client secret is missing for the test account.',
    'Invoice 42 for Ola Nordmann, 1 250,00 kr',
    'Sent 12 invoices to Dintero in 3.2 s',
    'https://checkout.dintero.com/v1/sessions/pay',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(redactString(text)).toBe(text)
  })
})

describe('log redaction of values', () => {
  it('drops values under secret-named keys, however they are spelled', () => {
    const out = redact({
      Client_Secret: SECRET,
      'x-api-key': SECRET,
      refreshToken: SECRET,
      ID_TOKEN: SECRET,
      nested: [{ Authorization: SECRET, ok: 'yes' }],
    })
    expect(JSON.stringify(out)).not.toContain(SECRET)
    expect(out).toMatchObject({ nested: [{ ok: 'yes' }] })
  })

  it('redacts the message and stack of an error', () => {
    const e = new Error(`Dintero said 401 for {"client_secret":"${SECRET}"} with Bearer ${JWT}`)
    const text = JSON.stringify(redact(e))
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('eyJhbGci')
    expect(text).toContain('Dintero said 401')
  })
})
