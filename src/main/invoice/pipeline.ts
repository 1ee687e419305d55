/**
 * File → mapping → validated invoices, for the CLI and the app. CSV: the reader reports the header
 * (onHeader) before any row; the first rows (the sample the mapping looks at) are held until there
 * are enough, then rows are validated chunk by chunk while the reader streams. Workbooks are parsed
 * whole by SheetJS anyway, so their rows are collected first.
 */
import type { CanonicalField, PriceBasis } from '../../shared/canonical'
import { AppError } from '../../shared/errors'
import { readTable, readTableInWorker } from '../import'
import { shown } from '../import/errors'
import type { OnRows, ReadHooks, ReadOptions, ReadResult, SourceRow, TableInfo } from '../import/types'
import { checkMappingAgainst, type MappingFile } from '../mapping/mapping-file'
import type { MappingSuggestion, RememberedMapping } from '../mapping/types'
import type { Constants } from './field-sources'
import type { Defaults, ValidationResult } from './types'
import type { ValidationSession } from './validate'
import { chooseMapping, MAPPING_SAMPLE_ROWS, readIssueToIssue, startValidation } from './import-path'

export type ReadFn = (
  file: string,
  options: ReadOptions,
  onRows: OnRows,
  hooks?: ReadHooks,
) => Promise<ReadResult>

export interface ValidateFileOptions {
  sheet?: string
  /** `--mapping FILE`, parsed; its name is used in messages. */
  mappingFile?: { name: string; content: MappingFile }
  /** A remembered mapping for this source (loadRememberedMapping), or null to ignore the store. */
  remembered?: RememberedMapping | null
  /** Extra constants (on top of the mapping file's and the remembered ones). */
  constants?: Constants
  defaults?: Defaults
  callbackUrl?: string
  now?: Date
  invoicedLookup?: (refs: readonly string[]) => Set<string>
  invoicedScope?: string
  /** Called once the header is known, so the remembered mapping can be looked up for it. */
  rememberedFor?: (headers: string[]) => RememberedMapping | null
  /** The reader (default: readTable in this thread). */
  read?: ReadFn
  /**
   * Parse in a worker thread while this thread validates the rows already parsed (two cores).
   * Ignored when `read` is given.
   */
  worker?: boolean
  hooks?: ReadHooks
  /** The VAT basis of price columns whose header does not say (`--prices`); default incl. */
  prices?: PriceBasis
  /** Rows used to decide value-dependent headers. Default MAPPING_SAMPLE_ROWS, as in the app. */
  sampleRows?: number
  /** Due dates on a weekend or Norwegian public holiday move to the next business day. */
  businessDayDue?: boolean
  /**
   * Default true. False for a one-shot validation (the CLI): rows are let go once their invoice is
   * checked (less work for the garbage collector); the session cannot edit cells afterwards.
   */
  keepRows?: boolean
}

export interface FileValidation {
  info: TableInfo
  suggestion: MappingSuggestion
  constants: Constants
  session: ValidationSession
  result: ValidationResult
  rowCount: number
}

function duplicateHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const h of headers) {
    if (h === '') continue
    if (seen.has(h)) dup.add(h)
    seen.add(h)
  }
  return [...dup]
}

export async function validateFile(file: string, o: ValidateFileOptions = {}): Promise<FileValidation> {
  const read: ReadFn =
    o.read ??
    (o.worker ? (f, opts, onRows, hooks) => readTableInWorker(f, opts, { ...hooks, onRows }) : readTable)
  const readOptions: ReadOptions = { sheet: o.sheet }
  const sampleSize = o.sampleRows ?? MAPPING_SAMPLE_ROWS
  let session: ValidationSession | undefined
  let suggestion: MappingSuggestion | undefined
  let constants: Constants = {}
  const buffered: SourceRow[] = []

  const start = (info: Pick<TableInfo, 'headers' | 'decimalCommaHint'>, sample: readonly SourceRow[]) => {
    const headers = info.headers
    const dups = duplicateHeaders(headers)
    if (dups.length > 0 && !o.mappingFile)
      throw new AppError(
        'duplicate_headers',
        `${shown(file)} has the column header "${dups[0]}" more than once; give a --mapping file that names the columns by number.`,
        {
          message_nb: `${shown(file)} har kolonneoverskriften "${dups[0]}" flere ganger; oppgi en --mapping-fil som angir kolonnene med nummer.`,
          file,
          column: dups[0],
          exitCode: 2,
        },
      )
    const remembered = o.remembered !== undefined ? o.remembered : (o.rememberedFor?.(headers) ?? null)
    const mapping = chooseMapping(headers, sample, remembered, {
      overrides: o.mappingFile
        ? checkMappingAgainst(headers, o.mappingFile.content, o.mappingFile.name)
        : undefined,
      unmapped: o.mappingFile
        ? (Object.entries(o.mappingFile.content.mapping)
            .filter(([, v]) => v === null)
            .map(([k]) => k) as CanonicalField[])
        : undefined,
      constants: { ...(o.mappingFile?.content.constants ?? {}), ...(o.constants ?? {}) },
      prices: o.prices,
    })
    suggestion = mapping.suggestion
    constants = mapping.constants
    session = startValidation(info, mapping, {
      defaults: o.defaults,
      callbackUrl: o.callbackUrl,
      now: o.now,
      invoicedLookup: o.invoicedLookup,
      invoicedScope: o.invoicedScope,
      businessDayDue: o.businessDayDue,
      keepRows: o.keepRows,
    })
  }

  // CSV: validate as rows stream, once the header and a sample are in (no second pass over the file).
  let header: Pick<TableInfo, 'headers' | 'decimalCommaHint'> | undefined
  const streaming = /\.(csv|tsv|txt)$/i.test(file) && !o.read
  const hooks: ReadHooks | undefined = streaming
    ? {
        ...o.hooks,
        onHeader: (h) => {
          header = h
        },
      }
    : o.hooks
  const res = await read(
    file,
    readOptions,
    (rows) => {
      if (session) session.addRows(rows)
      else {
        for (const r of rows) buffered.push(r)
        if (header && buffered.length >= sampleSize) {
          start(header, buffered.slice(0, sampleSize))
          ;(session as unknown as ValidationSession).addRows(buffered)
          buffered.length = 0
        }
      }
    },
    hooks,
  )
  if (!session) {
    start(res.info, buffered.slice(0, sampleSize))
    ;(session as unknown as ValidationSession).addRows(buffered)
    buffered.length = 0
  }
  const s = session as unknown as ValidationSession
  // A reference that came back after its invoice's rows were let go: those lines are read again.
  const lost = s.lostLines()
  if (lost.size > 0) {
    const again: SourceRow[] = []
    const second = await read(
      file,
      readOptions,
      (rows) => {
        for (const r of rows) if (lost.has(r.line)) again.push(r)
      },
      o.hooks,
    )
    if (second.info.sha256 !== res.info.sha256)
      throw new AppError('file_changed', `${shown(file)} changed while it was being read.`, {
        message_nb: `${shown(file)} ble endret mens den ble lest.`,
        file,
        exitCode: 2,
      })
    s.restoreRows(again)
  }
  const readIssues = res.issues
    .filter((i) => !(o.mappingFile && i.code === 'duplicate_header'))
    .map(readIssueToIssue)
  const result = s.finish(readIssues)
  return {
    info: res.info,
    suggestion: suggestion as MappingSuggestion,
    constants,
    session: s,
    result,
    rowCount: res.rowCount,
  }
}
