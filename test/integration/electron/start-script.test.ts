import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_ELECTRON_MESSAGE } from '../../../src/main/electron/launch-plan'

// Runs the real scripts/start.mjs in a throwaway project whose electron package has no binary and
// whose download fails (a stand-in install.js), so it behaves the same with or without network.
const repo = resolve(import.meta.dirname, '../../..')

describe('npm start without an Electron binary', () => {
  let project: string

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'kravia-start-'))
    cpSync(join(repo, 'scripts', 'start.mjs'), join(project, 'scripts', 'start.mjs'))
    for (const f of ['launch-plan.ts', 'native-binding.ts']) {
      cpSync(join(repo, 'src/main/electron', f), join(project, 'src/main/electron', f))
    }
    mkdirSync(join(project, 'node_modules', 'electron'), { recursive: true })
    symlinkSync(join(repo, 'node_modules', 'tsx'), join(project, 'node_modules', 'tsx'), 'junction')
    writeFileSync(
      join(project, 'node_modules', 'electron', 'package.json'),
      '{"name":"electron","version":"45.5.0"}',
    )
    writeFileSync(
      join(project, 'node_modules', 'electron', 'install.js'),
      "console.error('TypeError: fetch failed\\n    at download (install.js:1:1)'); process.exit(1)\n",
    )
  })

  afterAll(() => rmSync(project, { recursive: true, force: true }))

  it('says in one line that the window cannot open, points to the CLI and exits 1, with no stack', () => {
    const env = { ...process.env }
    delete env.ELECTRON_OVERRIDE_DIST_PATH
    const r = spawnSync(process.execPath, [join(project, 'scripts', 'start.mjs')], { encoding: 'utf8', env })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`${NO_ELECTRON_MESSAGE}\n`)
  })
})
