import { basename } from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { CanonicalField } from '../../shared/canonical'
import type { ImportStep, MappingRefusal, MappingView, ReadOverrides } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'
import { inspectFile } from '../import'
import type { InspectResult } from '../import/types'
import { startValidation } from '../invoice/import-path'
import type { ValidationSession } from '../invoice/validate'
import type { Logger } from '../log'
import { loadRememberedMapping, type RememberedMapping } from '../mapping'
import { refuseChoice } from './choice'
import { cellKey, type LoadedTable, loadTable, setCell } from './load-table'
import { type EffectiveMapping, effectiveMapping, mappingView } from './mapping-state'
import { buildReviewIndex, findNoted, type ReviewIndex, updateReviewIndex } from './review-index'
import { type ImportScope, mapDefaults, scopeKey, validationScope } from './scope'
import { type DraftState, emptyDraftState } from './store'

export type { ImportScope } from './scope'
export type { LoadedTable } from './load-table'

export interface SessionDeps {
  db: Db
  log: Logger
  now: () => Date
  scope: () => ImportScope
  progress: (p: { sessionId: string; phase: 'reading' | 'validating'; done: number; total: number }) => void
  /** Called after every change worth keeping (the draft). */
  save: (s: ImportSession) => void
}

export interface Validated {
  scopeKey: string
  session: ValidationSession
  index: ReviewIndex
  mapping: EffectiveMapping
}

const PREVIEW_ROWS = 20
const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i
const VALIDATE_CHUNK = 5_000

/**
 * One import in progress: the file, how it is read, the mapping, the user's cell edits and the
 * validation. Each step computes what it needs from the step before on first use and keeps it,
 * so the screens can be visited in any order and a draft rebuilds itself from the file.
 */
export class ImportSession {
  step: ImportStep
  state: DraftState
  sha256: string | null
  sizeBytes = 0
  private inspected: InspectResult | null = null
  private table: LoadedTable | null = null
  private loading: Promise<LoadedTable> | null = null
  private remembered: RememberedMapping | null | undefined
  private mapping: EffectiveMapping | null = null
  private validated: Validated | null = null
  private validating: Promise<Validated> | null = null

  constructor(
    readonly id: string,
    readonly filePath: string,
    readonly followUpOf: string | null,
    private readonly deps: SessionDeps,
    init?: { step: ImportStep; state: DraftState; sha256: string | null; fileName?: string },
  ) {
    this.step = init?.step ?? 'read'
    this.state = init?.state ?? emptyDraftState()
    this.sha256 = init?.sha256 ?? null
    this.fileName = init?.fileName ?? basename(filePath)
  }

  readonly fileName: string

  private readOptions() {
    const o = this.state.overrides
    return { encoding: o.encoding, delimiter: o.delimiter, sheet: o.sheet, headerRow: o.headerRow }
  }

  /** The Read screen: the file as read with the current overrides, and its first rows. */
  async inspect(overrides?: ReadOverrides): Promise<InspectResult> {
    if (overrides && JSON.stringify(overrides) !== JSON.stringify(this.state.overrides)) {
      const before = this.snapshot()
      this.state.overrides = { ...overrides }
      // Another reading makes another table: row edits and the mapping no longer apply.
      this.state.edits = {}
      this.inspected = null
      this.table = null
      this.loading = null
      this.mapping = null
      this.remembered = undefined
      this.validated = null
      this.validating = null
      try {
        await this.ensureInspected()
      } catch (e) {
        // A setting the file cannot be read with (e.g. UTF-16 on a UTF-8 file) changes nothing.
        this.restore(before)
        throw e
      }
    }
    await this.ensureInspected()
    this.deps.save(this)
    return this.inspected as InspectResult
  }

  private async ensureInspected(): Promise<void> {
    if (this.inspected) return
    const r = await this.readPreview()
    if (this.sha256 && this.sha256 !== r.info.sha256) {
      // The file changed since the draft was saved: earlier cell edits may point at other rows.
      this.state.edits = {}
      this.deps.log.info('import draft file changed; edits dropped', { session: this.id })
    }
    this.sha256 = r.info.sha256
    this.inspected = r
  }

  private snapshot() {
    return {
      overrides: this.state.overrides,
      edits: this.state.edits,
      inspected: this.inspected,
      table: this.table,
      mapping: this.mapping,
      remembered: this.remembered,
      validated: this.validated,
    }
  }

  private restore(s: ReturnType<ImportSession['snapshot']>): void {
    this.state.overrides = s.overrides
    this.state.edits = s.edits
    this.inspected = s.inspected
    this.table = s.table
    this.mapping = s.mapping
    this.remembered = s.remembered
    this.validated = s.validated
  }

  /**
   * The first rows. A CSV streams, so reading its head in main is quick; a workbook must be parsed
   * whole, so it is read completely in the worker (with progress) and kept for the next steps.
   */
  private async readPreview(): Promise<InspectResult> {
    if (!WORKBOOK.test(this.filePath)) {
      return inspectFile(this.filePath, { ...this.readOptions(), previewRows: PREVIEW_ROWS })
    }
    const t = await this.loadTable()
    return { info: t.info, preview: t.rows.slice(0, PREVIEW_ROWS), issues: t.issues }
  }

  /** Every row of the table, read in the worker with progress; once per reading. */
  async loadTable(): Promise<LoadedTable> {
    if (this.table) return this.table
    this.loading ??= this.readAll().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  private async readAll(): Promise<LoadedTable> {
    const sha = this.sha256
    const probe = await loadTable(this.filePath, this.readOptions(), (done, total) =>
      this.deps.progress({ sessionId: this.id, phase: 'reading', done, total }),
    )
    if (sha && sha !== probe.info.sha256 && Object.keys(this.state.edits).length > 0) {
      // The file changed since the draft was saved: earlier cell edits may point at other rows.
      this.state.edits = {}
      this.deps.log.info('import draft file changed; edits dropped', { session: this.id })
    }
    for (const [key, value] of Object.entries(this.state.edits)) {
      const [line, column] = key.split(':').map(Number)
      const i = probe.lineIndex.get(line)
      if (i !== undefined && Number.isInteger(column) && column >= 0) setCell(probe, i, column, value)
    }
    this.sha256 = probe.info.sha256
    this.table = probe
    return probe
  }

  async effectiveMapping(): Promise<{
    table: LoadedTable
    mapping: EffectiveMapping
    remembered: RememberedMapping | null
  }> {
    const table = await this.loadTable()
    if (this.remembered === undefined)
      this.remembered = loadRememberedMapping(this.deps.db, table.info.headers)
    this.mapping ??= effectiveMapping(table.info.headers, table.rows, this.remembered, this.state)
    return { table, mapping: this.mapping, remembered: this.remembered }
  }

  async mappingView(): Promise<MappingView> {
    const { table, mapping, remembered } = await this.effectiveMapping()
    const defaults = mapDefaults(this.deps.scope().defaults)
    return mappingView(this.id, table.info.headers, table.rows, mapping, remembered, this.state, defaults)
  }

  /** Position of the next/previous problem row in the list the grid shows (all rows, or only problems). */
  findProblem(v: Validated, problemsOnly: boolean, from: number, direction: 1 | -1): number | null {
    const rows = this.table?.rows ?? []
    return findNoted(v.index, rows, problemsOnly, from, direction)
  }

  /** Why a column cannot be applied to a field (see choice.ts); null when it can. */
  async refusal(field: CanonicalField, column: string | null): Promise<MappingRefusal | null> {
    const { table, mapping } = await this.effectiveMapping()
    return refuseChoice(table.info.headers, mapping, this.state, field, column)
  }

  /** A user's choice for one field: a column, a fixed value, or nothing. */
  setField(field: CanonicalField, column: string | null, constant: string | null): void {
    delete this.state.constants[field]
    if (constant !== null) {
      this.state.constants[field] = constant
      delete this.state.mapping[field]
    } else {
      this.state.mapping[field] = column
      // The column moves to this field: a field the user had given it to lets go (full name over first/last).
      if (column !== null)
        for (const [f, c] of Object.entries(this.state.mapping))
          if (f !== field && c === column) this.state.mapping[f] = null
    }
    this.mapping = null
    this.validated = null
    this.validating = null
    this.deps.save(this)
  }

  /** Validates the whole table (again when the environment or defaults changed since). */
  async validate(): Promise<Validated> {
    const scope = this.deps.scope()
    const key = scopeKey(scope)
    if (this.validated && this.validated.scopeKey === key) return this.validated
    if (this.validating) return this.validating
    this.validating = this.runValidation(scope, key).finally(() => {
      this.validating = null
    })
    return this.validating
  }

  private async runValidation(scope: ImportScope, scopeKey: string): Promise<Validated> {
    const { table, mapping } = await this.effectiveMapping()
    const scoped = validationScope(scope, this.deps.db, this.deps.now())
    const session = startValidation(table.info, mapping, scoped, table.issues)
    const total = table.rows.length
    for (let i = 0; i < total; i += VALIDATE_CHUNK) {
      session.addRows(table.rows.slice(i, i + VALIDATE_CHUNK))
      this.deps.progress({
        sessionId: this.id,
        phase: 'validating',
        done: Math.min(total, i + VALIDATE_CHUNK),
        total,
      })
      // Let other requests (and the window) in between chunks: main must never block long.
      await yieldToLoop()
    }
    const result = session.finish()
    const index = buildReviewIndex(table.rows, result, mapping.columns.merchant_reference)
    this.validated = { scopeKey, session, index, mapping }
    return this.validated
  }

  /** One cell changed in the review grid: recorded in the draft, its invoice(s) re-checked. */
  async editCell(
    line: number,
    field: CanonicalField,
    value: string,
  ): Promise<{ lines: number[]; v: Validated }> {
    const v = await this.validate()
    const table = await this.loadTable()
    const column = v.mapping.columns[field]
    if (column === undefined) {
      throw new AppError('not_editable', `The field ${field} does not come from a column of the file.`, {
        message_nb: `Feltet ${field} kommer ikke fra en kolonne i filen.`,
      })
    }
    const i = table.lineIndex.get(line)
    if (i === undefined) throw new AppError('no_row', `There is no row ${line} in ${this.fileName}.`)
    setCell(table, i, column, value)
    this.state.edits[cellKey(line, column)] = value
    const { changed } = v.session.editCell(line, column, value)
    const lines = new Set<number>([line])
    for (const o of changed) for (const l of o.ok ? o.invoice.rows : o.invalid.rows) lines.add(l)
    // `changed` holds the invoice the row left (if its reference was edited) and the one it is in now.
    const touched = new Set<number>([i])
    for (const l of lines) {
      const j = table.lineIndex.get(l)
      if (j !== undefined) touched.add(j)
    }
    updateReviewIndex(v.index, table.rows, v.session.result(), v.mapping.columns.merchant_reference, touched)
    this.deps.save(this)
    return { lines: [...lines], v }
  }

  /** The user leaves an invoice out of the batch on the Plan (a likely duplicate), or takes it back. */
  leaveOut(reference: string, leave: boolean): void {
    const refs = new Set(this.state.excluded ?? [])
    if (leave) refs.add(reference)
    else refs.delete(reference)
    this.state.excluded = [...refs]
    this.deps.save(this)
  }

  /** The loaded table (after validate or mapping), for building views. */
  get loadedTable(): LoadedTable | null {
    return this.table
  }

  setStep(step: ImportStep): void {
    if (this.step === step) return
    this.step = step
    this.deps.save(this)
  }
}
