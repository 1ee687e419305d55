import { basename } from 'node:path'
import { AppError } from '../../shared/errors'
import type { ReadLimits } from './types'

/**
 * File-level refusals of the reader: one sentence naming the file (and line/column where one
 * applies), English and Norwegian, exit code 2. Codes are stable; tests and the UI key on them.
 */
export type ReadErrorCode =
  | 'file_not_found'
  | 'file_unreadable'
  | 'unsupported_extension'
  | 'content_mismatch'
  | 'empty_file'
  | 'no_data_rows'
  | 'binary_file'
  | 'truncated_workbook'
  | 'damaged_workbook'
  | 'encrypted_workbook'
  | 'zip_bomb'
  | 'file_too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'too_many_cells'
  | 'field_too_long'
  | 'record_too_long'
  | 'unclosed_quote'
  | 'sheet_not_found'
  | 'no_table'
  | 'bad_option'
  | 'cancelled'

export interface Where {
  line?: number
  column?: string
  detail?: string
}

export function readError(
  code: ReadErrorCode,
  file: string,
  message: string,
  message_nb: string,
  where: Where = {},
): AppError {
  return new AppError(code, message, {
    message_nb,
    file,
    line: where.line,
    column: where.column,
    detail: where.detail,
    exitCode: code === 'cancelled' ? 3 : 2,
  })
}

/** The name used in messages: the file name only (full paths are long and may hold a user name). */
export const shown = (file: string): string => basename(file)

export const DEFAULT_LIMITS: ReadLimits = {
  maxTextBytes: 200 * 1024 * 1024,
  maxWorkbookBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 600 * 1024 * 1024,
  maxRows: 1_000_000,
  maxColumns: 1_000,
  maxCells: 30_000_000,
  maxFieldChars: 32_767,
  maxRecordChars: 1_000_000,
  maxIssues: 1_000,
}

export function resolveLimits(partial: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) }
}

/** 1234567 → "1,234,567" (English) and "1 234 567" (Norwegian), without locale data dependencies. */
export function num(n: number): { en: string; nb: string } {
  const s = String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return { en: s, nb: s.replace(/,/g, ' ') }
}

export function megabytes(bytes: number): string {
  return String(Math.round(bytes / (1024 * 1024)))
}

export function cancelled(file: string): AppError {
  return readError(
    'cancelled',
    file,
    `Reading ${shown(file)} was stopped.`,
    `Lesingen av ${shown(file)} ble stoppet.`,
  )
}
