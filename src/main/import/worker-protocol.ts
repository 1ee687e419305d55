import { AppError, type AppErrorOptions } from '../../shared/errors'
import type { InspectResult, ReadOptions, ReadProgress, ReadResult, SourceRow, TableInfo } from './types'

/** Messages between readTableInWorker (host) and worker.ts. */
export type ToWorker =
  | { type: 'read'; file: string; options: ReadOptions; inspect?: boolean }
  | { type: 'ack' }
  | { type: 'cancel' }

export interface SerializedError {
  code: string
  message: string
  options: AppErrorOptions
}

export type FromWorker =
  | { type: 'rows'; rows: SourceRow[] }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'header'; table: Pick<TableInfo, 'headers' | 'decimalCommaHint'> }
  | { type: 'done'; result: ReadResult | InspectResult }
  | { type: 'error'; error: SerializedError }

/** Chunks of rows the worker may post before the host has handled them (backpressure). */
export const ROWS_WINDOW = 4

export function serializeError(e: unknown): SerializedError {
  if (e instanceof AppError) return { code: e.code, message: e.message, options: e.options }
  const message = e instanceof Error ? e.message : String(e)
  return {
    code: 'internal',
    message: 'Reading the file failed unexpectedly.',
    options: { message_nb: 'Lesingen av filen feilet uventet.', detail: message, exitCode: 4 },
  }
}

export function deserializeError(s: SerializedError): AppError {
  return new AppError(s.code, s.message, s.options)
}
