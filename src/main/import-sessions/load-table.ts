import {
  type ReadIssue,
  type ReadOptions,
  readTableInWorker,
  type SourceRow,
  type TableInfo,
} from '../import'

export interface LoadedTable {
  info: TableInfo
  rows: SourceRow[]
  /** Sheet row / CSV line → index in `rows`. */
  lineIndex: Map<number, number>
  issues: ReadIssue[]
}

const PROGRESS_EVERY_MS = 200

export const cellKey = (line: number, column: number) => `${line}:${column}`

/** Sets one cell of a row (as a new row object, so earlier views of it stay as they were). */
export function setCell(table: LoadedTable, index: number, column: number, value: string): void {
  const row = table.rows[index]
  const cells = row.cells.slice()
  while (cells.length <= column) cells.push(null)
  cells[column] = value
  table.rows[index] = { line: row.line, cells }
}

/** Reads every row in the worker (main stays free), reporting progress a few times a second. */
export async function loadTable(
  file: string,
  options: ReadOptions,
  progress: (done: number, total: number) => void,
): Promise<LoadedTable> {
  const rows: SourceRow[] = []
  let last = 0
  const result = await readTableInWorker(file, options, {
    onRows: (chunk) => {
      for (const r of chunk) rows.push(r)
    },
    onProgress: (p) => {
      const now = Date.now()
      if (now - last < PROGRESS_EVERY_MS) return
      last = now
      progress(p.bytesRead, p.totalBytes)
    },
  })
  const lineIndex = new Map<number, number>()
  rows.forEach((r, i) => {
    lineIndex.set(r.line, i)
  })
  progress(1, 1)
  return { info: result.info, rows, lineIndex, issues: result.issues }
}
