/**
 * Pure security predicates for the desktop window (Electron security checklist items 13–15 and
 * 17). URLs are parsed, never string-compared: `startsWith('https://app')` would let
 * `https://app.attacker.example` through. No Electron import, so they are unit-tested in Node.
 */

export interface ExternalLinkPolicy {
  /** Port of the local Dintero sandbox; when set, loopback links must use exactly this port. */
  sandboxPort?: number
}

const SANDBOX_INVOICE_PATH = '/__sandbox/invoices/'
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost'])

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * Links the app may hand to the user's browser: any https page, and the local sandbox's invoice
 * pages on loopback. Everything else (file:, javascript:, custom schemes that launch programs,
 * plain http elsewhere, URLs with credentials) is refused.
 */
export function isAllowedExternalUrl(raw: unknown, policy: ExternalLinkPolicy = {}): boolean {
  const url = parse(raw)
  if (!url || url.username || url.password) return false
  if (url.protocol === 'https:') return url.hostname.length > 0
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.port === '') return false
  if (policy.sandboxPort !== undefined && url.port !== String(policy.sandboxPort)) return false
  // URL parsing already resolved `..` and `%2e%2e`, so this prefix check cannot be escaped.
  return url.pathname.startsWith(SANDBOX_INVOICE_PATH) && url.pathname.length > SANDBOX_INVOICE_PATH.length
}

/**
 * The ONE way to open a link outside the app. `open` is Electron's shell.openExternal in the app
 * and a recorder in tests; it only ever sees a URL the predicate accepted, normalised.
 */
export async function openExternalSafe(
  raw: unknown,
  open: (url: string) => Promise<void>,
  policy: ExternalLinkPolicy = {},
): Promise<boolean> {
  if (!isAllowedExternalUrl(raw, policy)) return false
  await open((parse(raw) as URL).href)
  return true
}

/** Same page as the app: same scheme, host, port and path (query and hash may differ). */
export function isAppUrl(raw: unknown, appUrl: string): boolean {
  const url = parse(raw)
  const app = parse(appUrl)
  if (!url || !app) return false
  return (
    url.protocol === app.protocol &&
    url.host === app.host &&
    url.pathname === app.pathname &&
    url.username === '' &&
    url.password === ''
  )
}

/** `will-navigate` / `will-redirect`: the window may only ever show the app's own page. */
export function isNavigationAllowed(target: unknown, appUrl: string): boolean {
  return isAppUrl(target, appUrl)
}

/** IPC sender check: only the app's own page may call main (checklist item 17). */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return isAppUrl(frameUrl, appUrl)
}

/** `setWindowOpenHandler`: never a new window. https/sandbox links go to the browser instead. */
export function windowOpenDecision(
  url: string,
  openExternal: (url: string) => Promise<boolean>,
): { action: 'deny' } {
  void openExternal(url).catch(() => false)
  return { action: 'deny' }
}

// Permissions the app's own page may use; everything else (camera, geolocation, notifications
// from the web layer, HID, serial, …) is denied. Notifications go through main's Notifier instead.
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

/** Deny-by-default permission handler for both request and check handlers. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  appUrl: string,
): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false
  const origin = parse(requestingUrl)
  const app = parse(appUrl)
  if (!origin || !app) return false
  // file: pages have an opaque origin; compare the document itself there.
  if (app.protocol === 'file:') return isAppUrl(requestingUrl, appUrl)
  return origin.origin === app.origin
}
