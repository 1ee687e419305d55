#!/usr/bin/env node
// `npm run -s cli -- …`: runs the bundle scripts/build-cli.mjs made (at `npm install`/`npm ci`, via
// `prepare`) when no file it was built from changed since; otherwise the TypeScript sources through
// tsx, so a developer never runs stale code (`node scripts/build-cli.mjs` makes the fast path
// current again). KRAVIA_BATCH_CLI_SOURCE=1 forces the sources.
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const outDir = join(root, 'out', 'cli')

/** The bundle's entry when it is current, else null. Costs one stat per input (a few ms). */
function freshBundle() {
  if (process.env.KRAVIA_BATCH_CLI_SOURCE === '1') return null
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, 'inputs.json'), 'utf8'))
    const entry = join(outDir, manifest.entry)
    statSync(entry)
    for (const f of manifest.inputs) if (statSync(join(root, f)).mtimeMs > manifest.builtAt) return null
    return entry
  } catch {
    return null // no bundle, or an input was deleted or moved
  }
}

let entry = freshBundle()
if (!entry) {
  const { register } = await import('tsx/esm/api')
  register()
  entry = join(root, 'src', 'main', 'cli', 'index.ts')
}
const { runCli } = await import(pathToFileURL(entry).href)
// With KRAVIA_BATCH_CLI=1 the entry module has already started itself.
if (process.env.KRAVIA_BATCH_CLI !== '1') process.exitCode = await runCli(process.argv.slice(2))
