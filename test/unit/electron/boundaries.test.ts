import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => join(dir, f))
}

// Each import statement paired with its own module (lazy match up to the nearest `from '…'`).
const IMPORTS = /^import\s+([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm

/** True when the file imports 'electron' as a value (type-only imports are erased and fine). */
function importsElectronAtRuntime(file: string): boolean {
  // Comments may mention require('electron'); only code counts.
  const text = readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
  if (/require\(['"]electron['"]\)|^import\s+['"]electron['"]/m.test(text)) return true
  return [...text.matchAll(IMPORTS)].some(
    ([, clause, from]) => from === 'electron' && !clause.startsWith('type '),
  )
}

describe('process boundaries', () => {
  it('only the Electron glue imports electron at runtime, so everything else runs in plain Node', () => {
    const allowed = (f: string) =>
      f === join('src', 'main', 'index.ts') ||
      f.startsWith(join('src', 'main', 'electron')) ||
      f.startsWith(join('src', 'preload'))
    const offenders = sources('src').filter((f) => !allowed(f) && importsElectronAtRuntime(f))
    expect(offenders).toEqual([])
  })

  it('src/shared imports no node:*, electron or react (it runs in all three processes)', () => {
    const banned = /from\s+['"](node:[^'"]+|electron|react|react-dom(\/[^'"]*)?|fs|path|os|crypto)['"]/
    const offenders = sources('src/shared').filter((f) => banned.test(readFileSync(join(root, f), 'utf8')))
    expect(offenders.map((f) => relative(root, join(root, f)))).toEqual([])
  })

  it('the unit-tested Electron edges import electron only as types', () => {
    const glue = new Set(['app-window.ts'])
    const edges = readdirSync(join(root, 'src/main/electron')).filter(
      (f) => f.endsWith('.ts') && !glue.has(f),
    )
    const offenders = edges.filter((f) => importsElectronAtRuntime(join('src/main/electron', f)))
    expect(offenders).toEqual([])
  })
})
