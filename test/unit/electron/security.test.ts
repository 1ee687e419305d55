import { describe, expect, it } from 'vitest'
import {
  isAllowedExternalUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
  openExternalSafe,
  windowOpenDecision,
} from '../../../src/main/electron/security'

const FILE_APP = 'file:///opt/Kravia%20Batch/resources/app/out/renderer/index.html'
const DEV_APP = 'http://localhost:5173/'

describe('external links', () => {
  it.each([
    'https://docs.dintero.com/',
    'https://checkout.dintero.com/v1/view/T11223344.abc?x=1#y',
    'http://127.0.0.1:4321/__sandbox/invoices/T1-abc',
    'http://localhost:4321/__sandbox/invoices/inv_1/pdf',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['plain http elsewhere', 'http://example.com/'],
    ['a file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['a program-launching scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['smb share', 'smb://attacker/share'],
    ['credentials in the URL', 'https://user:pw@example.com/'],
    ['loopback outside the sandbox pages', 'http://127.0.0.1:4321/admin'],
    ['loopback sandbox root without an invoice', 'http://127.0.0.1:4321/__sandbox/invoices/'],
    ['traversal out of the sandbox pages', 'http://127.0.0.1:4321/__sandbox/invoices/../../admin'],
    ['encoded traversal', 'http://127.0.0.1:4321/__sandbox/invoices/%2e%2e/%2e%2e/admin'],
    ['loopback look-alike host', 'http://127.0.0.1.attacker.example:4321/__sandbox/invoices/x'],
    ['loopback without a port', 'http://localhost/__sandbox/invoices/x'],
    ['not a URL', 'not a url'],
    ['not a string', 42],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('pins loopback links to the running sandbox port when it is known', () => {
    expect(isAllowedExternalUrl('http://127.0.0.1:4321/__sandbox/invoices/x', { sandboxPort: 4321 })).toBe(
      true,
    )
    expect(isAllowedExternalUrl('http://127.0.0.1:9999/__sandbox/invoices/x', { sandboxPort: 4321 })).toBe(
      false,
    )
  })

  it('hands only allowed, normalised URLs to the opener', async () => {
    const opened: string[] = []
    const open = async (u: string) => void opened.push(u)
    expect(await openExternalSafe('https://Example.COM/a/../b', open)).toBe(true)
    expect(await openExternalSafe('file:///etc/passwd', open)).toBe(false)
    expect(opened).toEqual(['https://example.com/b'])
  })

  it('never opens a new window; allowed links go to the browser instead', async () => {
    const asked: string[] = []
    const decision = windowOpenDecision('https://example.com/', async (u) => {
      asked.push(u)
      return true
    })
    expect(decision).toEqual({ action: 'deny' })
    expect(asked).toEqual(['https://example.com/'])
  })
})

describe('navigation and sender checks', () => {
  it('allows only the app page itself (query and hash may change)', () => {
    expect(isNavigationAllowed(FILE_APP, FILE_APP)).toBe(true)
    expect(isNavigationAllowed(`${FILE_APP}#/history`, FILE_APP)).toBe(true)
    expect(isNavigationAllowed(`${DEV_APP}?x=1`, DEV_APP)).toBe(true)
  })

  it.each([
    ['another local file', 'file:///tmp/evil.html'],
    ['a web page', 'https://example.com/'],
    ['a look-alike origin', 'http://localhost:5173.attacker.example/'],
    ['another port', 'http://localhost:5174/'],
    ['another path on the dev server', 'http://localhost:5173/evil.html'],
  ])('refuses %s', (_label, target) => {
    const app = target.startsWith('file:') ? FILE_APP : DEV_APP
    expect(isNavigationAllowed(target, app)).toBe(false)
  })

  it('trusts IPC only from the app page', () => {
    expect(isTrustedSender(FILE_APP, FILE_APP)).toBe(true)
    expect(isTrustedSender('https://attacker.example/', FILE_APP)).toBe(false)
    expect(isTrustedSender('about:blank', FILE_APP)).toBe(false)
    expect(isTrustedSender(null, FILE_APP)).toBe(false)
    expect(isTrustedSender(undefined, FILE_APP)).toBe(false)
  })
})

describe('permission handler', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'hid',
    'serial',
    'openExternal',
    'clipboard-read',
    'unknown',
  ])('denies %s even to the app page', (permission) => {
    expect(isPermissionAllowed(permission, FILE_APP, FILE_APP)).toBe(false)
  })

  it('allows clipboard writes (copying a transaction id) only from the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', FILE_APP, FILE_APP)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', DEV_APP, DEV_APP)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://attacker.example/', FILE_APP)).toBe(
      false,
    )
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file:///tmp/evil.html', FILE_APP)).toBe(false)
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, FILE_APP)).toBe(false)
  })
})
