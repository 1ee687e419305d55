import type { Migration } from '../open'

/**
 * The user's own sheet, kept for the failed-rows export: the header row as the file had it
 * (`batches.source_headers_json`, every column in order) and each source line's cells as written
 * (`invoices.source_json` for the invoices in the batch, `left_out_invoices.cells_json` for those
 * left out). The export then hands back the rows to fix in the user's columns, names and price
 * basis, so the fixed file maps and reads exactly like the original. Null for batches frozen
 * before this was kept (their export uses the template columns).
 */
export const m0009SourceCells: Migration = {
  version: 9,
  name: 'source-cells',
  up(db) {
    db.exec(`
      ALTER TABLE batches ADD COLUMN source_headers_json TEXT;
      ALTER TABLE left_out_invoices ADD COLUMN cells_json TEXT;
    `)
  },
}
