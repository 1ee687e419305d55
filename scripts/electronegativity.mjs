#!/usr/bin/env node
// `npm run test:security`: Doyensec's Electronegativity over src/, offline, failing on any finding
// that is not in ELECTRONEGATIVITY_ALLOWLIST below. Run as a library rather than its CLI because
// the CLI fetches translations from the network on every start; here its English messages are
// loaded from the package itself. Its one online check (known fixes in newer Electron releases)
// is excluded, and the Electron version is given instead of looked up.
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')
const pkgDir = resolve(root, 'node_modules', '@doyensec', 'electronegativity', 'dist')

/**
 * Verified false positives: each names the check, the file and why it does not apply. Keep short;
 * a new finding is fixed, not added here, unless it is checked to be wrong.
 */
const ELECTRONEGATIVITY_ALLOWLIST = [
  // The window's options come from secureWebPreferences() in window.ts (contextIsolation: true,
  // sandbox: true, Auxclick disabled, pinned by test/unit/electron/window.test.ts); the checker
  // only reads options written inline in the `new BrowserWindow(...)` call.
  { id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/electron/app-window.ts' },
  { id: 'SANDBOX_JS_CHECK', file: 'main/electron/app-window.ts' },
  { id: 'AUXCLICK_JS_CHECK', file: 'main/electron/app-window.ts' },
  // shell.openExternal only ever receives a URL that openExternalSafe() accepted (Dintero's hosts,
  // or the running sandbox's port), tested in test/unit/electron/security.test.ts.
  { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/shell.ts' },
  // csp-evaluator's generic warning about script-src 'self' on web origins (JSONP endpoints or
  // user uploads on the same origin). 'self' here is app://kravia, which serves only the built
  // renderer files (app-protocol.ts); no 'unsafe-inline', no 'unsafe-eval', object-src 'none'.
  { id: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html' },
]

const electronVersion = JSON.parse(
  (await import('node:fs')).readFileSync(resolve(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version

// The English messages from the package, registered the way its own i18n module does, minus the
// download: that module is replaced in the require cache before the runner loads it.
const i18n = require('i18n')
const i18nModule = require.resolve(resolve(pkgDir, 'locales', 'i18n.js'))
require.cache[i18nModule] = {
  id: i18nModule,
  filename: i18nModule,
  loaded: true,
  exports: {
    __esModule: true,
    default: async () => {
      i18n.configure({
        locales: ['en-US'],
        defaultLocale: 'en-US',
        directory: resolve(pkgDir, 'locales'),
        updateFiles: false,
        objectNotation: true,
        register: global,
      })
      i18n.setLocale('en-US')
    },
  },
}
const run = require(resolve(pkgDir, 'runner.js'))

const result = await run(
  {
    input: resolve(root, 'src'),
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
)

const allowed = (issue) =>
  ELECTRONEGATIVITY_ALLOWLIST.some((a) => a.id === issue.id && issue.file.replace(/\\/g, '/') === a.file)
const findings = result.issues.map((i) => ({
  id: i.id,
  file: i.file,
  at: `${i.location.line}:${i.location.column}`,
  severity: i.severity.name,
  sample: String(i.sample ?? '').slice(0, 140),
}))
const unexpected = findings.filter((f) => !allowed(f))
for (const e of result.errors ?? [])
  process.stderr.write(`electronegativity could not scan ${e.file}: ${e.message ?? e.error}\n`)
for (const f of unexpected) process.stderr.write(`${f.severity} ${f.id} ${f.file}:${f.at}  ${f.sample}\n`)
const scanErrors = (result.errors ?? []).length
process.stdout.write(
  `electronegativity ${electronVersion}: ${result.atomicChecks + result.globalChecks} checks, ` +
    `${findings.length} findings, ${findings.length - unexpected.length} on the allowlist\n`,
)
process.exit(unexpected.length === 0 && scanErrors === 0 ? 0 : 1)
