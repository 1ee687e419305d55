/**
 * Pure security predicates for the desktop window (Electron security checklist items 13–15 and
 * 17). URLs are parsed, never string-compared: `startsWith('https://app')` would let
 * `https://app.attacker.example` through. No Electron import, so they are unit-tested in Node.
 */

export interface ExternalLinkPolicy {
  /**
   * Port of the running Dintero sandbox. Only a caller that knows it (opening a sandbox batch's
   * invoice) may open a loopback link, and only on exactly this port.
   */
  sandboxPort?: number
}

const SANDBOX_INVOICE_PATH = '/__sandbox/invoices/'
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost'])
/** Dintero's own site: invoice PDFs (checkout.dintero.com, api.dintero.com), docs, backoffice. */
const DINTERO_DOMAIN = 'dintero.com'

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

export function isDinteroHost(hostname: string): boolean {
  return hostname === DINTERO_DOMAIN || hostname.endsWith(`.${DINTERO_DOMAIN}`)
}

/**
 * Links the app may hand to the user's browser: https pages on Dintero's own hosts (invoice links
 * of test and production batches, Dintero's docs), and the running sandbox's invoice pages on
 * loopback when the caller names the sandbox's port. Everything else (other sites, file:,
 * javascript:, custom schemes that launch programs, plain http, URLs with credentials) is refused.
 */
export function isAllowedExternalUrl(raw: unknown, policy: ExternalLinkPolicy = {}): boolean {
  const url = parse(raw)
  if (!url || url.username || url.password) return false
  if (url.protocol === 'https:') return url.port === '' && isDinteroHost(url.hostname)
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return false
  if (policy.sandboxPort === undefined || url.port !== String(policy.sandboxPort)) return false
  // URL parsing already resolved `..` and `%2e%2e`, so this prefix check cannot be escaped.
  return url.pathname.startsWith(SANDBOX_INVOICE_PATH) && url.pathname.length > SANDBOX_INVOICE_PATH.length
}

/** A link as the log may show it: scheme, host and path, never the query (it can carry tokens). */
export function linkForLog(raw: unknown): string {
  const url = parse(raw)
  if (!url) return '[not a URL]'
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? `${url.protocol}//${url.host}${url.pathname}`
    : `${url.protocol}[…]`
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

/** `setWindowOpenHandler`: never a new window. Links to Dintero go to the browser instead. */
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
  // Origins are compared by scheme, host and port: Node gives `null` as the origin of app:// URLs.
  return origin.protocol === app.protocol && origin.host === app.host && origin.host !== ''
}
