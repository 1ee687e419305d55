import type { Migration } from '../open'

/**
 * The pay request exactly as it left on an invoice's latest attempt, when it differs from the
 * frozen `request_json`: days_until_due is counted on the day the invoice is sent (a due date from
 * the file, or a due date moved off a weekend or public holiday). Written in the same transaction
 * that marks the invoice `sending`, before the request leaves; null when the frozen request went
 * as it is (or nothing was sent yet). `request_json` keeps the request as planned, with the days
 * the user gave, for repeat runs and the failed-rows file.
 */
export const m0008SentRequest: Migration = {
  version: 8,
  name: 'sent-request',
  up(db) {
    db.exec('ALTER TABLE invoices ADD COLUMN sent_request_json TEXT')
  },
}
