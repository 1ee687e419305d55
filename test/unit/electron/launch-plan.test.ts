import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addonMatchesAbi,
  ELECTRON_HEADERS_URL,
  electronBinary,
  electronEnv,
  headersUrl,
  NO_ELECTRON_MESSAGE,
  nativeBuildArgs,
  nativeBuildEnv,
  nodeGypCandidates,
} from '../../../src/main/electron/launch-plan'

const dir = join('/repo', 'node_modules', 'electron')

describe('npm start: finding Electron', () => {
  it('finds the extracted binary through path.txt', () => {
    const bin = join(dir, 'dist', 'electron')
    expect(
      electronBinary({
        pathTxt: 'electron',
        overrideDist: undefined,
        electronDir: dir,
        exists: (p) => p === bin,
      }),
    ).toBe(bin)
  })

  it('reports no binary when it was never downloaded or was deleted', () => {
    expect(
      electronBinary({ pathTxt: null, overrideDist: undefined, electronDir: dir, exists: () => true }),
    ).toBeNull()
    expect(
      electronBinary({ pathTxt: 'electron', overrideDist: undefined, electronDir: dir, exists: () => false }),
    ).toBeNull()
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const bin = join('/opt/electron', 'electron')
    expect(
      electronBinary({
        pathTxt: null,
        overrideDist: '/opt/electron',
        electronDir: dir,
        exists: (p) => p === bin,
      }),
    ).toBe(bin)
  })

  it('says in one line that the window cannot open and points to the CLI', () => {
    expect(NO_ELECTRON_MESSAGE).not.toContain('\n')
    expect(NO_ELECTRON_MESSAGE).toContain('Electron binary could not be downloaded')
    expect(NO_ELECTRON_MESSAGE).toContain('npm run -s cli -- --help')
  })
})

describe('npm start: the Electron-ABI build of better-sqlite3', () => {
  it("builds against Electron's headers for the installed Electron version", () => {
    expect(nativeBuildArgs('/npm/node-gyp.js', '45.5.0', 'x64')).toEqual([
      '/npm/node-gyp.js',
      'rebuild',
      '--release',
      '--target=45.5.0',
      '--arch=x64',
      `--dist-url=${ELECTRON_HEADERS_URL}`,
      '--runtime=electron',
    ])
  })

  it('can take the headers from a mirror instead of electronjs.org', () => {
    expect(headersUrl({})).toBe(ELECTRON_HEADERS_URL)
    expect(headersUrl({ KRAVIA_ELECTRON_HEADERS_URL: 'https://mirror.example/electron-headers' })).toBe(
      'https://mirror.example/electron-headers',
    )
    expect(nativeBuildArgs('g.js', '45.5.0', 'arm64', 'https://m.example')).toContain(
      '--dist-url=https://m.example',
    )
  })

  it("drops npm's nodedir and target settings, which would silently build against Node's headers", () => {
    const env = nativeBuildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.0.0',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_cache: '/home/k/.npm',
    })
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/home/k/.npm' })
  })

  it("prefers npm's own node-gyp and falls back to a local one", () => {
    const list = nodeGypCandidates(
      { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
      '/repo',
      '/usr/lib/node_modules/npm/bin/npm-cli.js',
    )
    expect(list).toEqual([
      join('/usr/lib/node_modules/npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      join('/repo', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    ])
    expect(nodeGypCandidates({ npm_config_node_gyp: '/x/node-gyp.js' }, '/repo')[0]).toBe('/x/node-gyp.js')
  })

  it('accepts only an addon registered for the expected ABI', () => {
    const electronBuild = Buffer.from('\0junk\0node_register_module_v150\0more')
    const nodeBuild = Buffer.from('\0junk\0node_register_module_v115\0more')
    expect(addonMatchesAbi(electronBuild, '150')).toBe(true)
    expect(addonMatchesAbi(nodeBuild, '150')).toBe(false)
    // v1500 must not pass for v150.
    expect(addonMatchesAbi(Buffer.from('node_register_module_v1500\0'), '150')).toBe(false)
  })

  it('never lets ELECTRON_RUN_AS_NODE turn the app into a plain Node process', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', HOME: '/h' })).toEqual({ HOME: '/h' })
  })
})
