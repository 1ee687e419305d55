import { requestNames } from '../shared/api'
import type { RequestName } from '../shared/contract'
import { AppError } from '../shared/errors'
import type { Handlers } from './ipc/dispatch'
import { appHandlers } from './ipc/handlers/app'
import { batchesHandlers } from './ipc/handlers/batches'
import type { AppDeps, HandlerContext } from './ipc/handlers/context'
import { draftsHandlers } from './ipc/handlers/drafts'
import { importHandlers } from './ipc/handlers/import'
import { runsHandlers } from './ipc/handlers/runs'
import { settingsHandlers } from './ipc/handlers/settings'
import { templateHandlers } from './ipc/handlers/template'

export type { AppDeps, AreaHandlers, HandlerContext } from './ipc/handlers/context'

export interface AppServices {
  handlers: Handlers
  /** Contract requests no area has implemented yet (they answer `not_implemented`). */
  missing: RequestName[]
  /** Stops whatever the areas started (runs, timers, servers). Safe to call twice. */
  dispose(): Promise<void>
}

/**
 * Builds every request handler from injected deps. The Electron app, the browser harness and
 * integration tests all call this, so they exercise the same code. Adding an area is one import
 * and one spread line in `provided` below.
 */
export function createAppServices(deps: AppDeps): AppServices {
  const disposers: (() => void | Promise<void>)[] = []
  const ctx: HandlerContext = { ...deps, onDispose: (fn) => void disposers.push(fn) }

  const provided: Partial<Handlers> = {
    ...appHandlers(ctx),
    ...runsHandlers(ctx),
    ...batchesHandlers(ctx),
    ...settingsHandlers(ctx),
    ...importHandlers(ctx),
    ...templateHandlers(ctx),
    ...draftsHandlers(ctx),
  }

  // Areas land one at a time while the contract already lists their operations; an operation
  // without a handler answers with a clear error instead of breaking the whole app.
  const missing = requestNames.filter((name) => !provided[name])
  const handlers = { ...provided } as Record<string, unknown>
  for (const name of missing) {
    handlers[name] = () => {
      throw new AppError('not_implemented', `The operation ${name} is not available in this version yet.`, {
        message_nb: `Operasjonen ${name} finnes ikke i denne versjonen ennå.`,
      })
    }
  }

  let disposed = false
  return {
    handlers: handlers as Handlers,
    missing,
    async dispose() {
      if (disposed) return
      disposed = true
      for (const fn of disposers.reverse()) {
        try {
          await fn()
        } catch (e) {
          deps.log.error('dispose step failed', e)
        }
      }
    },
  }
}
