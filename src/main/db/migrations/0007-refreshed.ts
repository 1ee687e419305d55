import type { Migration } from '../open'

/**
 * When a batch's payments were last read from Dintero (a refresh by hand, from the CLI or in the
 * background), for History's "last updated"; null until the first refresh.
 */
export const m0007Refreshed: Migration = {
  version: 7,
  name: 'refreshed',
  up(db) {
    db.exec('ALTER TABLE batches ADD COLUMN refreshed_at TEXT')
  },
}
