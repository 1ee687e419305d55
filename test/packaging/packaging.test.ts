import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ID, PRODUCT_NAME } from '../../src/main/paths'
import { makeStandInElectron, packDir, ROOT, SHIPPED_WIRE } from './stand-in'

const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
interface BuilderConfig {
  appId: string
  productName: string
  asarUnpack: string[]
  npmRebuild: boolean
  electronFuses: Record<string, boolean>
  fileAssociations: { ext: string }[]
  win: { target: { target: string; arch: string[] }[] }
  mac: { target: { target: string; arch: string[] }[] }
  linux: { target: string[]; executableName: string }
}
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig

/** The fuses the app ships with, by Electron's name for each. */
const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
}

describe('installer configuration', () => {
  it('names the app and builds NSIS x64, dmg for both Mac chips, AppImage and deb', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe(PRODUCT_NAME)
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['csv', 'xlsx', 'xls', 'ods'])
    expect(existsSync(join(ROOT, 'build', 'icon.png'))).toBe(true)
  })

  it('sets exactly the listed fuses and rebuilds native modules for Electron', () => {
    expect(config.electronFuses).toEqual(FUSES)
    expect(config.npmRebuild).toBe(true)
  })
})

describe('an unpacked Linux build from a stand-in Electron', () => {
  const work = mkdtempSync(join(tmpdir(), 'kb-pack-'))
  const unpacked = join(work, 'dist', 'linux-unpacked')
  const resources = join(unpacked, 'resources')
  let files: string[] = []

  beforeAll(() => {
    const main = join(ROOT, 'out', 'main', 'index.js')
    if (!existsSync(main))
      throw new Error('out/main/index.js is missing: run "npx electron-vite build" first')
    const dist = makeStandInElectron(join(work, 'electron-dist'), pkg.devDependencies.electron)
    const r = packDir(dist, join(work, 'dist'))
    if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${r.log.slice(-3000)}`)
    files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'))
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('puts the built app in app.asar: main, preload, page and package.json', () => {
    for (const f of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(files).toContain(f)
    }
    expect(files.some((f) => /^\/out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true)
  })

  it('leaves out sources, tests, benchmarks, docs, scripts, the CLI bundle, .native and source maps', () => {
    const bad = files.filter(
      (f) =>
        /^\/(src|test|bench|docs|scripts|build|dist|\.native|\.ci|\.github)(\/|$)/.test(f) ||
        f.startsWith('/out/cli') ||
        /\.(map|tsx?)$/.test(f) ||
        /^\/(README|electron-builder|tsconfig|biome|vitest)/.test(f),
    )
    expect(bad).toEqual([])
  })

  it('holds no development dependency', () => {
    const shipped = new Set(
      files.flatMap((f) => {
        const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)
        return m ? [m[1]] : []
      }),
    )
    const dev = Object.keys(pkg.devDependencies).filter((d) => shipped.has(d))
    expect(dev).toEqual([])
    // Tools that only development pulls in, whichever package brings them.
    for (const tool of [
      'vitest',
      'vite',
      'typescript',
      'electron',
      'electron-builder',
      'app-builder-lib',
      'tsx',
      'esbuild',
    ]) {
      expect(shipped.has(tool), tool).toBe(false)
    }
  })

  it('finds every package the built main imports inside the archive', () => {
    const mainFiles = files.filter((f) => /^\/out\/main\/.+\.js$/.test(f))
    const missing: string[] = []
    const seen = new Set<string>()
    for (const f of mainFiles) {
      const text = readFileSync(join(ROOT, f), 'utf8')
      // Rolldown writes static imports one per line, with double quotes.
      for (const m of text.matchAll(
        /^import\b[^\n]*?\bfrom\s*"([^"]+)"|\bimport\("([^"]+)"\)|\brequire\("([^"]+)"\)/gm,
      )) {
        const spec = m[1] ?? m[2] ?? m[3]
        if (spec.startsWith('.')) continue
        if (spec.startsWith('node:') || spec === 'electron') continue
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
        seen.add(name)
        if (!files.includes(`/node_modules/${name}/package.json`)) missing.push(`${f}: ${spec}`)
      }
    }
    expect(missing).toEqual([])
    expect(seen).toContain('better-sqlite3')
  })

  it("unpacks better-sqlite3's native addon beside the archive", () => {
    const addon = join(
      resources,
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    )
    expect(statSync(addon).size).toBeGreaterThan(100_000)
    expect(readFileSync(addon).subarray(0, 4).toString('latin1')).toBe('\x7fELF')
  })

  it('flips the fuses in the packaged executable', async () => {
    const exe = join(unpacked, config.linux.executableName)
    const wire = await getCurrentFuseWire(exe)
    const state = (o: FuseV1Options) => String.fromCharCode(wire[o] as number)
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      enableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      enableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      grantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
      enableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      enableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
    }).toEqual(Object.fromEntries(Object.entries(FUSES).map(([k, v]) => [k, v ? '1' : '0'])))
    // Fuses not listed keep Electron's shipped setting.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(SHIPPED_WIRE[6])
  })
})
