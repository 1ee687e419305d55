import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

/** One import of one file by another, both named relative to the scanned folder with `/`. */
export interface ImportEdge {
  from: string
  to: string
  /** True when every use is erased at compile time (`import type`, `typeof import(…)`, type-only names). */
  typeOnly: boolean
}

const EXTENSIONS = ['.ts', '.tsx']

function resolveFile(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => join(base, `index${ext}`)),
  ]
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && /\.tsx?$/.test(c)) ?? null
}

/** Every module a file names, with whether that naming is erased at compile time. */
function specifiers(path: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: { specifier: string; typeOnly: boolean }[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)))
      found.push({ specifier: node.moduleSpecifier.text, typeOnly })
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly))
      found.push({ specifier: node.moduleSpecifier.text, typeOnly })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false })
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * The graph of relative imports between the .ts/.tsx files under `dir` (imports leaving `dir`, and
 * packages, are left out). Two imports of the same file by the same file become one edge, which is
 * type-only only when both are.
 */
export function importGraph(dir: string): ImportEdge[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
  const name = (abs: string) => relative(dir, abs).split(sep).join('/')
  const edges = new Map<string, ImportEdge>()
  for (const file of files) {
    for (const { specifier, typeOnly } of specifiers(file)) {
      if (!specifier.startsWith('.')) continue
      const target = resolveFile(file, specifier)
      if (!target || relative(dir, target).startsWith('..')) continue
      const edge = { from: name(file), to: name(target), typeOnly }
      const key = `${edge.from}\0${edge.to}`
      const seen = edges.get(key)
      if (seen) seen.typeOnly &&= typeOnly
      else edges.set(key, edge)
    }
  }
  return [...edges.values()]
}

/** Strongly connected components with more than one member (or a self-import), members sorted. */
export function cycles(edges: { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>()
  for (const { from, to } of edges) {
    next.set(from, [...(next.get(from) ?? []), to])
    if (!next.has(to)) next.set(to, [])
  }
  // Tarjan's algorithm, iterative so deep chains cannot overflow the stack.
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0
  for (const start of next.keys()) {
    if (index.has(start)) continue
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]
      const targets = next.get(frame.node) ?? []
      if (frame.i < targets.length) {
        const to = targets[frame.i++]
        if (!index.has(to)) {
          index.set(to, counter)
          low.set(to, counter++)
          stack.push(to)
          onStack.add(to)
          work.push({ node: to, i: 0 })
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          members.push(member)
        } while (member !== frame.node)
        const selfLoop = targets.includes(frame.node)
        if (members.length > 1 || selfLoop) components.push(members.sort())
      }
    }
  }
  return components.sort((a, b) => a[0].localeCompare(b[0]))
}

/**
 * A shortest way round each member's cycle inside its component, as readable chains
 * ("a.ts → b.ts → a.ts"), one per member that is not already on an earlier chain.
 */
export function chains(component: string[], edges: { from: string; to: string }[]): string[] {
  const inside = new Set(component)
  const next = new Map<string, string[]>()
  for (const { from, to } of edges) {
    if (inside.has(from) && inside.has(to)) next.set(from, [...(next.get(from) ?? []), to])
  }
  const covered = new Set<string>()
  const out: string[] = []
  for (const start of component) {
    if (covered.has(start)) continue
    // Breadth-first from start's successors back to start gives the shortest loop through it.
    const previous = new Map<string, string>()
    const queue = [start]
    let found = false
    while (queue.length > 0 && !found) {
      const node = queue.shift()!
      for (const to of next.get(node) ?? []) {
        if (to === start) {
          previous.set(start, node)
          found = true
          break
        }
        if (!previous.has(to)) {
          previous.set(to, node)
          queue.push(to)
        }
      }
    }
    if (!found) continue
    const loop = [start]
    for (let at = previous.get(start)!; at !== start; at = previous.get(at)!) loop.unshift(at)
    loop.unshift(start)
    for (const member of loop) covered.add(member)
    out.push(loop.join(' → '))
  }
  return out
}
