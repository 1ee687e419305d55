import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  APP_PAGE_URL,
  appProtocolHandler,
  CONTENT_SECURITY_POLICY,
  resolveAppFile,
} from '../../../src/main/electron/app-protocol'

const base = mkdtempSync(join(tmpdir(), 'kb-app-'))
const root = join(base, 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kravia Batch</title>')
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1')
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
writeFileSync(join(root, 'assets', 'notes.md'), '# not served')
// A secret beside the renderer folder, which no app:// URL may reach.
writeFileSync(join(base, 'secrets.json'), '{"client_secret":"x"}')
afterAll(() => rmSync(base, { recursive: true, force: true }))

const handler = appProtocolHandler(root)
const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// serves the built renderer and nothing else', () => {
  it('serves the page with its type, the CSP and nosniff', async () => {
    const r = await get(APP_PAGE_URL)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await r.text()).toContain('<title>Kravia Batch</title>')
  })

  it('serves scripts as JavaScript (module scripts need it) and styles as CSS', async () => {
    const js = await get('app://kravia/assets/index-abc.js?v=1#x')
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await js.text()).toBe('export const x = 1')
    expect((await get('app://kravia/assets/index-abc.css')).headers.get('content-type')).toMatch(/^text\/css/)
  })

  it.each([
    ['dot-dot', 'app://kravia/../secrets.json'],
    ['encoded dot-dot', 'app://kravia/%2e%2e/secrets.json'],
    ['encoded slash', 'app://kravia/assets%2f..%2f..%2fsecrets.json'],
    ['encoded backslash', 'app://kravia/..%5csecrets.json'],
    ['an absolute path', 'app://kravia//etc/passwd'],
    ['a drive letter', 'app://kravia/C:/Windows/win.ini'],
    ['a NUL byte', 'app://kravia/index.html%00.js'],
    ['broken escapes', 'app://kravia/%E0%A4%A'],
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['the folder itself', 'app://kravia'],
  ])('refuses %s', async (_what, url) => {
    const r = await get(url)
    expect(r.status).toBeGreaterThanOrEqual(403)
    expect(await r.text()).not.toContain('client_secret')
  })

  it('resolves only inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://kravia/')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://kravia/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    )
    // URL parsing already folds `..` and `%2e%2e` at the root back into the folder …
    expect(resolveAppFile(root, 'app://kravia/../secrets.json')).toBe(join(root, 'secrets.json'))
    expect(resolveAppFile(root, 'app://kravia/%2e%2e/secrets.json')).toBe(join(root, 'secrets.json'))
    // … and what only decoding reveals is refused outright.
    expect(resolveAppFile(root, 'app://kravia/assets%2f..%2f..%2fsecrets.json')).toBeNull()
    expect(resolveAppFile(root, 'app://kravia/..%5c..%5csecrets.json')).toBeNull()
  })

  it('answers missing files and unknown types with 404, and writes with 405', async () => {
    expect((await get('app://kravia/nope.js')).status).toBe(404)
    expect((await get('app://kravia/assets/notes.md')).status).toBe(404)
    expect((await get(APP_PAGE_URL, 'POST')).status).toBe(405)
  })

  it('sends the same policy as the page declares in its meta tag', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })
})
