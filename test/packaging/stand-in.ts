import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')

/** Electron's fuse sentinel: the executable's fuse wire follows it (version byte, length, one byte per fuse). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/**
 * Electron 45's wire as shipped, fuse by fuse in FuseV1Options order: RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-from-asar off, browser V8
 * snapshot off, file:// extra privileges on, wasm trap handlers on.
 */
export const SHIPPED_WIRE = '101100011'

/**
 * A stand-in for Electron's Linux distribution folder (the binary cannot be downloaded here): an
 * "electron" executable that carries the real fuse wire layout, so the packager's own fuse step
 * runs and its result can be read back, plus the files the packager copies beside it.
 */
export function makeStandInElectron(dir: string, version: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const exe = join(dir, 'electron')
  writeFileSync(
    exe,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\nexit 1\n'),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, SHIPPED_WIRE.length]),
      Buffer.from(SHIPPED_WIRE),
      Buffer.from('\n'),
    ]),
  )
  chmodSync(exe, 0o755)
  writeFileSync(join(dir, 'version'), version)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>')
  return dir
}

/**
 * electron-builder itself, from node_modules, offline: an unpacked Linux folder (`--dir`) built
 * from the stand-in distribution, without rebuilding native modules (that needs Electron's headers)
 * and without publishing. Everything else comes from electron-builder.yml.
 */
export function packDir(electronDist: string, output: string): { status: number | null; log: string } {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  )
  return { status: r.status, log: `${r.stdout}\n${r.stderr}` }
}
