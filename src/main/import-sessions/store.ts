import type { ImportStep, ReadOverrides } from '../../shared/contract'
import type { Db } from '../db/open'

/** What a draft remembers of an import session: enough to rebuild it from the file. */
export interface DraftState {
  overrides: ReadOverrides
  /** Field → column header chosen by the user (null = explicitly unmapped). */
  mapping: Record<string, string | null>
  constants: Record<string, string>
  /** Cell edits: `${line}:${field}` → new text. */
  edits: Record<string, string>
  /** References the user left out on the Plan (not sent). */
  excluded?: string[]
}

export interface DraftRow {
  id: string
  filePath: string
  fileName: string
  sha256: string | null
  step: ImportStep
  state: DraftState
  followUpOf: string | null
  createdAt: string
  updatedAt: string
}

interface RawDraft {
  id: string
  file_path: string
  file_name: string
  file_sha256: string | null
  step: ImportStep
  state_json: string
  follow_up_of: string | null
  created_at: string
  updated_at: string
}

export interface DraftStore {
  save(draft: Omit<DraftRow, 'createdAt' | 'updatedAt'>, now: Date): void
  get(id: string): DraftRow | null
  list(): DraftRow[]
  delete(id: string): boolean
}

export const emptyDraftState = (): DraftState => ({ overrides: {}, mapping: {}, constants: {}, edits: {} })

function parseState(json: string): DraftState {
  try {
    const v = JSON.parse(json) as Partial<DraftState>
    return { ...emptyDraftState(), ...v }
  } catch {
    return emptyDraftState()
  }
}

const fromRaw = (r: RawDraft): DraftRow => ({
  id: r.id,
  filePath: r.file_path,
  fileName: r.file_name,
  sha256: r.file_sha256,
  step: r.step,
  state: parseState(r.state_json),
  followUpOf: r.follow_up_of,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** The drafts table, statements prepared once. */
export function createDraftStore(db: Db): DraftStore {
  const upsert = db.prepare(`INSERT INTO drafts (id, file_path, file_name, file_sha256, step, state_json,
      follow_up_of, created_at, updated_at) VALUES (@id, @file_path, @file_name, @file_sha256, @step, @state_json,
      @follow_up_of, @now, @now)
    ON CONFLICT (id) DO UPDATE SET file_sha256 = excluded.file_sha256, step = excluded.step,
      state_json = excluded.state_json, updated_at = excluded.updated_at`)
  const byId = db.prepare('SELECT * FROM drafts WHERE id = ?')
  const all = db.prepare('SELECT * FROM drafts ORDER BY updated_at DESC LIMIT 50')
  const del = db.prepare('DELETE FROM drafts WHERE id = ?')
  return {
    save(d, now) {
      upsert.run({
        id: d.id,
        file_path: d.filePath,
        file_name: d.fileName,
        file_sha256: d.sha256,
        step: d.step,
        state_json: JSON.stringify(d.state),
        follow_up_of: d.followUpOf,
        now: now.toISOString(),
      })
    },
    get(id) {
      const r = byId.get(id) as RawDraft | undefined
      return r ? fromRaw(r) : null
    },
    list: () => (all.all() as RawDraft[]).map(fromRaw),
    delete: (id) => del.run(id).changes > 0,
  }
}
