import { randomUUID } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import type { DraftSummary, ImportSessionInfo } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { ImportSession, type SessionDeps } from './session'
import type { DraftStore } from './store'

/** The import sessions of this app run, backed by the drafts table so they outlive the window. */
export interface ImportSessions {
  open(
    path: string,
    options?: { followUpOf?: string | null; step?: ImportSessionInfo['step'] },
  ): Promise<ImportSession>
  get(id: string): ImportSession
  info(s: ImportSession): ImportSessionInfo
  /** Forget a session and its draft (confirmed into a batch, or discarded). */
  close(id: string): boolean
  drafts(): DraftSummary[]
}

const newId = () => `imp-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`

/**
 * Sessions kept in memory (a 100k-line table is a few hundred MB). Older ones are dropped from
 * memory only: their drafts stay, and `get` rebuilds them from the file when they are used again.
 */
const LIVE_SESSIONS = 3

export function createImportSessions(store: DraftStore, deps: Omit<SessionDeps, 'save'>): ImportSessions {
  const live = new Map<string, ImportSession>()
  // Map order is insertion order: re-inserting on use keeps the most recently used last.
  const touch = (s: ImportSession) => {
    live.delete(s.id)
    live.set(s.id, s)
    while (live.size > LIVE_SESSIONS) {
      const oldest = live.keys().next().value as string
      live.delete(oldest)
    }
    return s
  }
  const sessionDeps: SessionDeps = {
    ...deps,
    save: (s) =>
      store.save(
        {
          id: s.id,
          filePath: s.filePath,
          fileName: s.fileName,
          sha256: s.sha256,
          step: s.step,
          state: s.state,
          followUpOf: s.followUpOf,
        },
        deps.now(),
      ),
  }

  const notFound = (id: string) =>
    new AppError(
      'no_session',
      `This import (${id}) is no longer open. Start it again from the Start screen.`,
      {
        message_nb: `Denne importen (${id}) er ikke åpen lenger. Start den på nytt fra startsiden.`,
      },
    )

  return {
    async open(path, options = {}) {
      if (!existsSync(path) || !statSync(path).isFile()) {
        throw new AppError('file_not_found', `The file ${path} does not exist.`, {
          message_nb: `Filen ${path} finnes ikke.`,
        })
      }
      const s = new ImportSession(newId(), path, options.followUpOf ?? null, sessionDeps)
      s.sizeBytes = statSync(path).size
      // Reading the first rows now means a file the app cannot use is refused on the Start screen.
      await s.inspect()
      if (options.step) s.setStep(options.step)
      return touch(s)
    },
    get(id) {
      const s = live.get(id)
      if (s) return touch(s)
      const d = store.get(id)
      if (!d) throw notFound(id)
      if (!existsSync(d.filePath)) {
        throw new AppError('file_not_found', `The file ${d.fileName} has been moved or deleted since.`, {
          message_nb: `Filen ${d.fileName} er flyttet eller slettet siden.`,
        })
      }
      const restored = new ImportSession(d.id, d.filePath, d.followUpOf, sessionDeps, {
        step: d.step,
        state: d.state,
        sha256: d.sha256,
        fileName: d.fileName,
      })
      restored.sizeBytes = statSync(d.filePath).size
      return touch(restored)
    },
    info: (s) => ({ sessionId: s.id, fileName: s.fileName, step: s.step, followUpOf: s.followUpOf }),
    close(id) {
      const had = live.delete(id)
      return store.delete(id) || had
    },
    drafts: () =>
      store.list().map((d) => ({
        sessionId: d.id,
        fileName: d.fileName,
        step: d.step,
        updatedAt: d.updatedAt,
        followUpOf: d.followUpOf,
        stale: !existsSync(d.filePath),
      })),
  }
}
