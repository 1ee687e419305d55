import { describe, expect, it } from 'vitest'
import {
  isAllowedExternalUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
  linkForLog,
  openExternalSafe,
  windowOpenDecision,
} from '../../../src/main/electron/security'

const APP = 'app://kravia/index.html'
const DEV_APP = 'http://localhost:5173/'

describe('external links', () => {
  const SANDBOX = { sandboxPort: 4321 }

  it.each([
    'https://docs.dintero.com/',
    'https://checkout.dintero.com/v1/view/T11223344.abc?x=1#y',
    'https://checkout.dintero.com/transaction-attachments/abc',
    'https://api.dintero.com/v1/files/f-123',
    'https://dintero.com/',
  ])('opens Dintero page %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://127.0.0.1:4321/__sandbox/invoices/T1-abc',
    'http://localhost:4321/__sandbox/invoices/inv_1/pdf',
  ])('opens sandbox invoice %s when the sandbox port is given', (url) => {
    expect(isAllowedExternalUrl(url, SANDBOX)).toBe(true)
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it.each([
    ['another https site', 'https://example.com/'],
    ['a look-alike Dintero host', 'https://checkout.dintero.com.attacker.example/x'],
    ['a Dintero name as a subdomain of another site', 'https://dintero.com-pay.example/'],
    ['a host ending in dintero.com without a dot', 'https://evildintero.com/'],
    ['a Dintero host on another port', 'https://checkout.dintero.com:8443/x'],
    ['plain http to Dintero', 'http://checkout.dintero.com/x'],
    ['plain http elsewhere', 'http://example.com/'],
    ['a file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['a program-launching scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['smb share', 'smb://attacker/share'],
    ['credentials in the URL', 'https://user:pw@checkout.dintero.com/'],
    ['loopback on another port than the sandbox', 'http://127.0.0.1:9999/__sandbox/invoices/x'],
    ['loopback outside the sandbox pages', 'http://127.0.0.1:4321/admin'],
    ['loopback sandbox root without an invoice', 'http://127.0.0.1:4321/__sandbox/invoices/'],
    ['traversal out of the sandbox pages', 'http://127.0.0.1:4321/__sandbox/invoices/../../admin'],
    ['encoded traversal', 'http://127.0.0.1:4321/__sandbox/invoices/%2e%2e/%2e%2e/admin'],
    ['loopback look-alike host', 'http://127.0.0.1.attacker.example:4321/__sandbox/invoices/x'],
    ['loopback without a port', 'http://localhost/__sandbox/invoices/x'],
    ['not a URL', 'not a url'],
    ['not a string', 42],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url, SANDBOX)).toBe(false)
  })

  it('hands only allowed, normalised URLs to the opener', async () => {
    const opened: string[] = []
    const open = async (u: string) => void opened.push(u)
    expect(await openExternalSafe('https://Docs.Dintero.COM/a/../b', open)).toBe(true)
    expect(await openExternalSafe('file:///etc/passwd', open)).toBe(false)
    expect(opened).toEqual(['https://docs.dintero.com/b'])
  })

  it('logs a link as scheme, host and path only', () => {
    expect(linkForLog('https://checkout.dintero.com/v1/view/abc?token=secret#x')).toBe(
      'https://checkout.dintero.com/v1/view/abc',
    )
    expect(linkForLog('javascript:alert(document.cookie)')).toBe('javascript:[…]')
    expect(linkForLog('not a url')).toBe('[not a URL]')
  })

  it('never opens a new window; allowed links go to the browser instead', async () => {
    const asked: string[] = []
    const decision = windowOpenDecision('https://docs.dintero.com/', async (u) => {
      asked.push(u)
      return true
    })
    expect(decision).toEqual({ action: 'deny' })
    expect(asked).toEqual(['https://docs.dintero.com/'])
  })
})

describe('navigation and sender checks', () => {
  it('allows only the app page itself (query and hash may change)', () => {
    expect(isNavigationAllowed(APP, APP)).toBe(true)
    expect(isNavigationAllowed(`${APP}#/history`, APP)).toBe(true)
    expect(isNavigationAllowed(`${DEV_APP}?x=1`, DEV_APP)).toBe(true)
  })

  it.each([
    ['a local file', 'file:///tmp/evil.html'],
    ['another page of the app scheme', 'app://kravia/evil.html'],
    ['another host of the app scheme', 'app://other/index.html'],
    ['a web page', 'https://example.com/'],
    ['a look-alike origin', 'http://localhost:5173.attacker.example/'],
    ['another port', 'http://localhost:5174/'],
    ['another path on the dev server', 'http://localhost:5173/evil.html'],
  ])('refuses %s', (_label, target) => {
    const app = target.startsWith('http:') ? DEV_APP : APP
    expect(isNavigationAllowed(target, app)).toBe(false)
  })

  it('trusts IPC only from the app page', () => {
    expect(isTrustedSender(APP, APP)).toBe(true)
    expect(isTrustedSender('https://attacker.example/', APP)).toBe(false)
    expect(isTrustedSender('about:blank', APP)).toBe(false)
    expect(isTrustedSender('file:///opt/app/out/renderer/index.html', APP)).toBe(false)
    expect(isTrustedSender('app://kravia.evil/index.html', APP)).toBe(false)
    expect(isTrustedSender(null, APP)).toBe(false)
    expect(isTrustedSender(undefined, APP)).toBe(false)
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
    expect(isPermissionAllowed(permission, APP, APP)).toBe(false)
  })

  it('allows clipboard writes (copying a transaction id) only from the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP, APP)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', DEV_APP, DEV_APP)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://attacker.example/', APP)).toBe(false)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file:///tmp/evil.html', APP)).toBe(false)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://other/index.html', APP)).toBe(false)
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, APP)).toBe(false)
  })
})
