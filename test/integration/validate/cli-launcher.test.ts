/**
 * `npm run cli` (scripts/cli.mjs) runs the bundle scripts/build-cli.mjs makes at install, but only
 * while no file it was built from changed; otherwise the sources through tsx. Exercised in a
 * throwaway copy of the layout (scripts + a tiny src/main/cli/index.ts) so the shared tree's
 * out/cli and sources are never touched.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'kb-cli-launcher-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

mkdirSync(join(dir, 'scripts'))
mkdirSync(join(dir, 'src/main/cli'), { recursive: true })
mkdirSync(join(dir, 'src/main/import'), { recursive: true })
for (const f of ['cli.mjs', 'build-cli.mjs']) copyFileSync(join(ROOT, 'scripts', f), join(dir, 'scripts', f))
symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
writeFileSync(join(dir, 'package.json'), '{"name":"launcher-test","type":"module"}\n')
writeFileSync(join(dir, 'src/main/import/worker.ts'), 'export {}\n')

/** The CLI entry: says which copy runs and exits with the code given as its argument. */
function writeEntry(version: string): void {
  const file = join(dir, 'src/main/cli/index.ts')
  writeFileSync(
    file,
    `const from: string = import.meta.url.endsWith('.ts') ? 'source' : 'bundle'
export async function runCli(argv: readonly string[]): Promise<number> {
  process.stdout.write(\`${version} \${from} \${argv.join(' ')}\\n\`)
  return Number(argv[0] ?? 0)
}
`,
  )
  // A second in the future: the edit is surely newer than any build made before it.
  const later = new Date(Date.now() + 1_000)
  utimesSync(file, later, later)
}

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args], {
    cwd: dir,
    env: { ...process.env, KRAVIA_BATCH_CLI_SOURCE: undefined, ...env },
    encoding: 'utf8',
  })
  return { code: r.status, out: r.stdout.trim(), err: r.stderr }
}

function build(): void {
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--quiet'], { cwd: dir, encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
}

describe('npm run cli launcher', () => {
  it('runs the sources without a bundle, the bundle once built, and the sources again after an edit', () => {
    writeEntry('v1')
    expect(run(['0', 'a'])).toMatchObject({ code: 0, out: 'v1 source 0 a' })
    // Build after the (future-dated) edit's time has passed, as an install would.
    utimesSync(join(dir, 'src/main/cli/index.ts'), new Date(Date.now() - 5_000), new Date(Date.now() - 5_000))
    build()
    expect(run(['3', 'b'])).toMatchObject({ code: 3, out: 'v1 bundle 3 b' })
    expect(run(['0'], { KRAVIA_BATCH_CLI_SOURCE: '1' })).toMatchObject({ out: 'v1 source 0' })

    writeEntry('v2')
    expect(run(['2'])).toMatchObject({ code: 2, out: 'v2 source 2' })
  }, 30_000)
})
