import { z } from 'zod'

/** Ids the page hands back to main: a batch's, an import session's. */
export const batchId = z.string().min(1).max(64)
export const sessionId = z.string().min(1).max(64)
