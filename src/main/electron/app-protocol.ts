import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'

/**
 * The renderer is served from `app://kravia/…` instead of file://: a page on file:// may read any
 * other file:// URL, while an app:// page reaches only the files this handler hands out, from the
 * built renderer folder and nowhere else. The scheme is registered standard and secure (so the
 * page has a real origin, 'self' in the CSP means exactly this app, and modules load), before the
 * app is ready; see index.ts.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'kravia'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

/** The page's policy; the same text is in src/renderer/index.html's meta tag (a test keeps them equal). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/**
 * The file an app:// URL names inside `root`, or null when the URL is not ours or would leave the
 * folder (`..`, encoded `%2e%2e` or `%2f`, backslashes, NUL, absolute or drive paths).
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\') || /^\/?[a-z]:/i.test(path)) return null
  if (path.split('/').some((part) => part === '..')) return null
  const base = resolve(root)
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`)
  const rel = relative(base, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return join(base, rel)
}

/** The handler for protocol.handle: static files with their type and the CSP; nothing else. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
    const file = resolveAppFile(root, request.url)
    if (!file) return new Response(null, { status: 403 })
    const type = MIME[extname(file).toLowerCase()]
    if (!type) return new Response(null, { status: 404 })
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return new Response(null, { status: 404 })
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    })
  }
}
