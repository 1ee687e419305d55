import { join } from 'node:path'

/**
 * The decisions behind `npm start` (scripts/start.mjs), as pure functions so they are unit-tested
 * on machines where Electron itself cannot run.
 */

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

/** Electron's headers, or a mirror (KRAVIA_ELECTRON_HEADERS_URL) for networks that block electronjs.org. */
export function headersUrl(env: NodeJS.ProcessEnv): string {
  return env.KRAVIA_ELECTRON_HEADERS_URL || ELECTRON_HEADERS_URL
}

export const NO_ELECTRON_MESSAGE =
  'kravia-batch: the desktop window cannot open on this machine because the Electron binary could not be ' +
  'downloaded; everything else works from the command line: npm run -s cli -- --help'

export interface ElectronPackageView {
  /** Contents of node_modules/electron/path.txt (written once the binary is extracted), or null. */
  pathTxt: string | null
  /** ELECTRON_OVERRIDE_DIST_PATH, which the electron package honours too. */
  overrideDist: string | undefined
  electronDir: string
  exists(path: string): boolean
}

/**
 * Where the Electron executable is, or null when it was never downloaded. Mirrors the electron
 * package's own lookup WITHOUT calling require('electron'), which would start a download and print
 * a stack trace when there is no network.
 */
export function electronBinary(view: ElectronPackageView): string | null {
  if (view.overrideDist) {
    const p = join(view.overrideDist, view.pathTxt ?? 'electron')
    return view.exists(p) ? p : null
  }
  if (!view.pathTxt) return null
  const p = join(view.electronDir, 'dist', view.pathTxt)
  return view.exists(p) ? p : null
}

/**
 * node-gyp arguments for an Electron-ABI build of better-sqlite3. Headers come from Electron's
 * server: a build against Node's headers would be stamped and loaded as if it were Electron's.
 */
export function nativeBuildArgs(
  nodeGyp: string,
  electronVersion: string,
  arch: string,
  headersUrl: string = ELECTRON_HEADERS_URL,
): string[] {
  return [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${headersUrl}`,
    '--runtime=electron',
  ]
}

// npm exports its config to child processes as npm_config_*; node-gyp reads those. A user
// `nodedir=/usr` in ~/.npmrc would silently switch the build to Node's headers.
const NPM_BUILD_SETTINGS =
  /^npm_config_(nodedir|target|disturl|dist_url|runtime|arch|target_arch|build_from_source)$/i

export function nativeBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env)) if (!NPM_BUILD_SETTINGS.test(k)) out[k] = v
  return out
}

/** Candidates for node-gyp's entry script, best first: npm's own (it ships one), then a local one. */
export function nodeGypCandidates(
  env: NodeJS.ProcessEnv,
  projectRoot: string,
  npmCliPath?: string,
): string[] {
  const list: string[] = []
  if (env.npm_config_node_gyp) list.push(env.npm_config_node_gyp)
  // npm_execpath is npm-cli.js inside npm's package: …/npm/bin/npm-cli.js.
  for (const cli of [env.npm_execpath, npmCliPath]) {
    if (cli && /npm-cli\.js$/.test(cli))
      list.push(join(cli, '..', '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
  }
  list.push(join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
  return [...new Set(list)]
}

/**
 * A native addon built with NODE_MODULE_VERSION n exports `node_register_module_v<n>`. Checking
 * the built file catches a build that silently used the wrong headers before Electron loads it.
 */
export function addonMatchesAbi(addon: Buffer, abi: string): boolean {
  return addon.includes(`node_register_module_v${abi}\0`)
}

/** Environment for the Electron process: ELECTRON_RUN_AS_NODE would make it a plain Node. */
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env }
  delete out.ELECTRON_RUN_AS_NODE
  return out
}
