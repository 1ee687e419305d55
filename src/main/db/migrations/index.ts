import type { Migration } from '../open'
import { m0001Core } from './0001-core'
import { m0002Mappings } from './0002-mappings'
import { m0003Runs } from './0003-runs'
import { m0004Drafts } from './0004-drafts'
import { m0005LeftOut } from './0005-left-out'
import { m0006Payments } from './0006-payments'
import { m0007Refreshed } from './0007-refreshed'
import { m0008SentRequest } from './0008-sent-request'
import { m0009SourceCells } from './0009-source-cells'

/**
 * The app database's migrations, append-only. Reserved numbers so parallel work does not
 * collide: 2 = remembered mappings (import), 3 = batches/invoices/attempts/lease (runs),
 * 4 = drafts and UI state, 5 = invoices left out of a batch at plan time, 6 = paid amount and date
 * from Dintero's capture events,
 * 7 = when a batch's payments were last refreshed, 8 = the pay request as sent when the send day
 * changed its days until due, 9 = the user's header row and cells as written (failed-rows export).
 */
export const appMigrations: readonly Migration[] = [
  m0001Core,
  m0002Mappings,
  m0003Runs,
  m0004Drafts,
  m0005LeftOut,
  m0006Payments,
  m0007Refreshed,
  m0008SentRequest,
  m0009SourceCells,
]
