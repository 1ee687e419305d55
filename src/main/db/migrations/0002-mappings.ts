import type { Migration } from '../open'

/**
 * Remembered column mappings, one per source (its set of headers), so a monthly file maps
 * itself the next time. `header_key` is the sorted header set; `headers_json` keeps the order.
 */
export const m0002Mappings: Migration = {
  version: 2,
  name: 'mappings',
  up(db) {
    db.exec(`
      CREATE TABLE mappings (
        id INTEGER PRIMARY KEY,
        header_key TEXT NOT NULL UNIQUE,
        headers_json TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        constants_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        use_count INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX mappings_updated ON mappings (updated_at);
    `)
  },
}
