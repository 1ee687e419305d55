#!/usr/bin/env node
// Builds out/cli/: the CLI (src/main/cli/index.ts) and the import worker as one esbuild bundle, so
// `npm run cli` starts without tsx compiling TypeScript on every run (about 0.3 s of CPU saved per
// start; bench/import.ts measures it). `npm install` and `npm ci` run it through the `prepare`
// script. scripts/cli.mjs runs the bundle only while it is at least as new as every file it was
// built from (listed in out/cli/inputs.json) and the sources through tsx otherwise.
//
// Dependencies are bundled too (fewer files to resolve and compile at start-up) except
// better-sqlite3, whose native addon must be loaded from node_modules. Lazy `import()`s stay lazy:
// code splitting puts SheetJS, zod and each command in their own chunks.
//
// A failed build never fails the install: the CLI then simply runs from source.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const outDir = join(root, 'out', 'cli')
const quiet = process.argv.includes('--quiet')

async function main() {
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    process.stderr.write('build-cli: esbuild is not installed; `npm run cli` will run from source (tsx).\n')
    return
  }
  // Recorded before reading any source: an edit made while building counts as newer than the bundle.
  const startedAt = Date.now()
  const tmpDir = `${outDir}.tmp-${process.pid}`
  rmSync(tmpDir, { recursive: true, force: true })
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: 'src/main/cli/index.ts', 'import-worker': 'src/main/import/worker.ts' },
    outdir: tmpDir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    alias: { '@shared': './src/shared' },
    // Bundled CommonJS packages (papaparse …) call require(); ESM output has none of its own.
    banner: {
      js: "import { createRequire as __kbCreateRequire } from 'node:module'; const require = __kbCreateRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  })
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('<'))
    .map((f) => relative(root, resolve(root, f)))
    .sort()
  writeFileSync(
    join(tmpDir, 'inputs.json'),
    `${JSON.stringify({ entry: 'index.js', builtAt: startedAt, inputs }, null, 1)}\n`,
  )
  // Swap in whole, so a concurrent `npm run cli` never sees half a bundle.
  mkdirSync(join(root, 'out'), { recursive: true })
  const oldDir = `${outDir}.old-${process.pid}`
  try {
    renameSync(outDir, oldDir)
  } catch {
    // no previous build
  }
  renameSync(tmpDir, outDir)
  rmSync(oldDir, { recursive: true, force: true })
  if (!quiet)
    process.stdout.write(
      `build-cli: out/cli built from ${inputs.length} files in ${Date.now() - startedAt} ms\n`,
    )
}

main().catch((e) => {
  process.stderr.write(
    `build-cli: could not build the CLI bundle (${e instanceof Error ? e.message : e}); \`npm run cli\` will run from source (tsx).\n`,
  )
})
