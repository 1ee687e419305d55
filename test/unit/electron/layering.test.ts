import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chains, cycles, type ImportEdge, importGraph } from './import-graph'

/**
 * The shape of src/main, checked on its import graph (relative imports, index files resolved,
 * dynamic `import()` included). Type-only imports count everywhere: a cycle through types is still
 * two files that cannot be read, moved or tested apart, and a domain folder that names a CLI or IPC
 * type still depends on that layer.
 *
 * The outer layer is the code that composes the app or speaks to one front end: `cli/`, `ipc/`,
 * `electron/`, `index.ts` (the Electron entry) and `services.ts` (builds every IPC handler). Every
 * other folder and root file is domain code and may not import `cli/`, `ipc/` or `electron/`.
 *
 * The lists below are imports that break these rules today. They may only shrink: an entry is an
 * import in the wrong direction, and the graph without the listed imports must have no cycle. When
 * a listed import is gone, or no longer closes a cycle, the test fails until its line is deleted.
 */
const KNOWN_FILE_CYCLE_EDGES: string[] = []

const KNOWN_FOLDER_CYCLE_EDGES: string[] = []

const KNOWN_LAYERING_EDGES: string[] = []

const OUTER = new Set(['cli', 'ipc', 'electron', 'index.ts', 'services.ts'])
const FRONT_ENDS = new Set(['cli', 'ipc', 'electron'])

const graph = importGraph(resolve(import.meta.dirname, '../../../src/main'))
const folderOf = (file: string) => file.split('/')[0]
const label = (e: { from: string; to: string }) => `${e.from} → ${e.to}`

/** Folder-level edges, each with the file imports that make it (for readable failures). */
function folderGraph(edges: ImportEdge[]): Map<string, string[]> {
  const folders = new Map<string, string[]>()
  for (const e of edges) {
    const from = folderOf(e.from)
    const to = folderOf(e.to)
    if (from === to) continue
    const key = label({ from, to })
    folders.set(key, [...(folders.get(key) ?? []), `${label(e)}${e.typeOnly ? ' (types only)' : ''}`])
  }
  return folders
}

function edgesOf(keys: Iterable<string>): { from: string; to: string }[] {
  return [...keys].map((k) => {
    const [from, to] = k.split(' → ')
    return { from, to }
  })
}

/** Whether `edge.to` reaches `edge.from`, i.e. the import closes a cycle. */
function closesCycle(edge: { from: string; to: string }, edges: { from: string; to: string }[]): boolean {
  const seen = new Set([edge.to])
  const queue = [edge.to]
  while (queue.length > 0) {
    const node = queue.shift()!
    if (node === edge.from) return true
    for (const e of edges) {
      if (e.from === node && !seen.has(e.to)) {
        seen.add(e.to)
        queue.push(e.to)
      }
    }
  }
  return false
}

/** Cycles left once the known imports are set aside, as readable chains. */
function unknownCycles(edges: { from: string; to: string }[], known: string[]): string[] {
  const allowed = new Set(known)
  const rest = edges.filter((e) => !allowed.has(label(e)))
  return cycles(rest).flatMap((component) => chains(component, rest))
}

/** Known entries that no longer exist or no longer close a cycle. */
function staleCycleEntries(edges: { from: string; to: string }[], known: string[]): string[] {
  const present = new Set(edges.map(label))
  return edgesOf(known)
    .filter((e) => !present.has(label(e)) || !closesCycle(e, edges))
    .map((e) => `${label(e)} (no longer a cycle: delete this entry)`)
}

describe('the shape of src/main', () => {
  it('sees the imports it is meant to judge', () => {
    // A parser that found nothing would pass every check below.
    expect(graph.length).toBeGreaterThan(300)
    expect(graph).toContainEqual({ from: 'services.ts', to: 'ipc/handlers/app.ts', typeOnly: false })
    expect(graph.some((e) => e.from === 'cli/commands/index.ts' && e.to === 'cli/commands/submit.ts')).toBe(
      true,
    )
  })

  it('finds a cycle as a readable chain, and none in a chain that does not loop', () => {
    const edges = edgesOf(['a.ts → b.ts', 'b.ts → c.ts', 'c.ts → a.ts', 'c.ts → d.ts'])
    expect(cycles(edges)).toEqual([['a.ts', 'b.ts', 'c.ts']])
    expect(chains(['a.ts', 'b.ts', 'c.ts'], edges)).toEqual(['a.ts → b.ts → c.ts → a.ts'])
    expect(cycles(edgesOf(['a.ts → b.ts', 'b.ts → c.ts', 'a.ts → c.ts']))).toEqual([])
    expect(graph).toContainEqual({ from: 'engine/finish.ts', to: 'engine/run-types.ts', typeOnly: true })
  })

  it('has no import cycle between files beyond the known ones', () => {
    expect(unknownCycles(graph, KNOWN_FILE_CYCLE_EDGES)).toEqual([])
    expect(staleCycleEntries(graph, KNOWN_FILE_CYCLE_EDGES)).toEqual([])
  })

  it('has no import cycle between top-level folders beyond the known ones', () => {
    const folders = folderGraph(graph)
    const found = unknownCycles(edgesOf(folders.keys()), KNOWN_FOLDER_CYCLE_EDGES).map((chain) => {
      const hops = chain.split(' → ')
      const why = hops.slice(1).map((to, i) => `    ${folders.get(`${hops[i]} → ${to}`)![0]}`)
      return [chain, ...why].join('\n')
    })
    expect(found).toEqual([])
    expect(staleCycleEntries(edgesOf(folders.keys()), KNOWN_FOLDER_CYCLE_EDGES)).toEqual([])
  })

  it('keeps domain folders from importing cli/, ipc/ or electron/ beyond the known imports', () => {
    const crossing = graph
      .filter((e) => !OUTER.has(folderOf(e.from)) && FRONT_ENDS.has(folderOf(e.to)))
      .map(label)
      .sort()
    expect(crossing.filter((e) => !KNOWN_LAYERING_EDGES.includes(e))).toEqual([])
    expect(
      KNOWN_LAYERING_EDGES.filter((e) => !crossing.includes(e)).map((e) => `${e} (gone: delete this entry)`),
    ).toEqual([])
  })

  it('keeps values/ a leaf: the value parsers import nothing else in src/main', () => {
    const out = graph.filter((e) => folderOf(e.from) === 'values' && folderOf(e.to) !== 'values').map(label)
    expect(out).toEqual([])
  })
})
