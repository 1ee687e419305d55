import type { Migration } from '../open'

/**
 * Unsaved import work: an import session (file, read options, mapping, cell edits, the step the
 * user was on) is written here as it changes, so closing the window loses nothing and the Start
 * screen can offer it again. The file itself is not copied: its path and hash are kept, and a
 * changed or missing file makes the draft stale.
 */
export const m0004Drafts: Migration = {
  version: 4,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        file_path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_sha256 TEXT,
        step TEXT NOT NULL CHECK (step IN ('read','map','review','plan')),
        state_json TEXT NOT NULL,
        follow_up_of TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX drafts_updated ON drafts (updated_at);
    `)
  },
}
