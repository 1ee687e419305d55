/**
 * Pure rewrites of the built index.html for the browser harness. Only two things change: the
 * bridge script goes in ahead of the app, and connect-src gains the bridge's WebSocket origin.
 * Everything else of the app's CSP stays, so a CSP mistake in the app fails the e2e tests.
 */

export const BRIDGE_PATH = '/__bridge.js'
export const BRIDGE_SOCKET_PATH = '/__bridge'

// The content is quoted with " or ' and holds the other quote ('self'), so match up to the same quote.
const CSP_META = /(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=)(["'])(.*?)\2/is

/** Adds `origin` to connect-src (creating it from default-src if the app had none). */
export function widenConnectSrc(csp: string, origin: string): string {
  const directives = csp
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
  const index = directives.findIndex((d) => d.split(/\s+/)[0].toLowerCase() === 'connect-src')
  if (index >= 0) {
    directives[index] = `${directives[index]} ${origin}`
  } else {
    const fallback = directives.find((d) => d.split(/\s+/)[0].toLowerCase() === 'default-src')
    const sources = fallback ? fallback.split(/\s+/).slice(1).join(' ') : "'none'"
    directives.push(`connect-src ${sources} ${origin}`)
  }
  return directives.join('; ')
}

/**
 * Injects the external bridge script before the app's first module script (an external file
 * because the CSP forbids inline scripts; a classic script runs before deferred modules) and
 * widens connect-src. Throws if the page lacks a CSP or a module script, since then the harness
 * would silently test something other than the app.
 */
export function prepareAppHtml(html: string, wsOrigin: string): string {
  if (!CSP_META.test(html)) throw new Error('The built index.html has no Content-Security-Policy meta tag.')
  const withCsp = html.replace(CSP_META, (_m, head: string, quote: string, csp: string) => {
    return `${head}${quote}${widenConnectSrc(csp, wsOrigin)}${quote}`
  })
  const moduleScript = withCsp.search(/<script\b[^>]*\btype=["']module["']/i)
  if (moduleScript < 0) throw new Error('The built index.html has no module script to run after the bridge.')
  return `${withCsp.slice(0, moduleScript)}<script src="${BRIDGE_PATH}"></script>\n    ${withCsp.slice(moduleScript)}`
}
