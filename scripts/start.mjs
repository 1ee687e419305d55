#!/usr/bin/env node
// `npm start`: opens the desktop app where the Electron binary exists; otherwise says so in one
// line and points to the CLI. Before launching it builds the Electron-ABI copy of better-sqlite3
// into .native/<electron version>/ (node_modules keeps Node's build for tests and the CLI) and the
// app with electron-vite. Decisions live in src/main/electron/launch-plan.ts (unit-tested).
import { spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { tsImport } from 'tsx/esm/api'

const root = resolve(import.meta.dirname, '..')
const plan = await tsImport('../src/main/electron/launch-plan.ts', import.meta.url)
const binding = await tsImport('../src/main/electron/native-binding.ts', import.meta.url)

function fail(line) {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

const read = (p) => {
  try {
    return readFileSync(p, 'utf8')
  } catch {
    return null
  }
}

// 1. The Electron binary. electron >= 42 downloads it lazily; try once, quietly, as require('electron') would.
const electronDir = join(root, 'node_modules', 'electron')
const electronPkg = JSON.parse(read(join(electronDir, 'package.json')) ?? 'null')
if (!electronPkg) fail(plan.NO_ELECTRON_MESSAGE)
const locate = () =>
  plan.electronBinary({
    pathTxt: read(join(electronDir, 'path.txt')),
    overrideDist: process.env.ELECTRON_OVERRIDE_DIST_PATH,
    electronDir,
    exists: existsSync,
  })
let electron = locate()
if (!electron) {
  if (process.stderr.isTTY)
    process.stderr.write(`Downloading Electron ${electronPkg.version} (first start only)…`)
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'pipe',
    timeout: 15 * 60_000,
  })
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
  electron = r.status === 0 ? locate() : null
  if (!electron) fail(plan.NO_ELECTRON_MESSAGE)
}

// 2. The Electron-ABI copy of better-sqlite3, built in a temp copy so node_modules is never touched.
const electronVersion = electronPkg.version
const addon = binding.electronAddonPath(root, electronVersion)
if (!existsSync(addon)) {
  const abi = (read(join(electronDir, 'abi_version')) ?? '').trim()
  const npmCli = (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, 'npm'))
    .filter(existsSync)
    .map((p) => realpathSync(p))[0]
  const nodeGyp = plan.nodeGypCandidates(process.env, root, npmCli).find(existsSync)
  if (!nodeGyp)
    fail(
      'kravia-batch: cannot build the database module for Electron: node-gyp was not found (it ships with npm).',
    )
  process.stderr.write(
    `Building the database module for Electron ${electronVersion} (first start only, about a minute)…\n`,
  )
  const work = mkdtempSync(join(tmpdir(), 'kravia-native-'))
  const logFile = join(root, binding.NATIVE_DIR, `build-${electronVersion}.log`)
  let problem = null
  try {
    const src = join(work, 'better-sqlite3')
    cpSync(join(root, 'node_modules', 'better-sqlite3'), src, {
      recursive: true,
      filter: (p) => !p.startsWith(join(root, 'node_modules', 'better-sqlite3', 'build')),
    })
    const r = spawnSync(
      process.execPath,
      plan.nativeBuildArgs(nodeGyp, electronVersion, process.arch, plan.headersUrl(process.env)),
      {
        cwd: src,
        env: plan.nativeBuildEnv(process.env),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    mkdirSync(dirname(addon), { recursive: true })
    writeFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`)
    const built = join(src, 'build', 'Release', 'better_sqlite3.node')
    if (r.status !== 0 || !existsSync(built)) {
      problem =
        `kravia-batch: building the database module for Electron ${electronVersion} failed (node-gyp needs a C++ ` +
        `toolchain and access to ${plan.headersUrl(process.env)}; log: ${logFile}); the CLI still works: npm run -s cli -- --help`
    } else if (abi && !plan.addonMatchesAbi(readFileSync(built), abi)) {
      problem = `kravia-batch: the database module was built for the wrong runtime (expected Electron ABI ${abi}); not using it.`
    } else {
      copyFileSync(built, `${addon}.tmp`)
      renameSync(`${addon}.tmp`, addon)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  if (problem) fail(problem)
}

// 3. Build the app, then run it. `electron .` uses package.json (name, main = out/main/index.js),
// so userData and the data folder match the CLI's.
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
if (build.status !== 0) fail('kravia-batch: the app could not be built (see the errors above).')

const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env: plan.electronEnv(process.env) })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
