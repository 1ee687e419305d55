import { createConnector, secretStoreCredentials } from './environments/connect'
import { realConnectors } from './environments/connectors'
import { createEnvironments } from './environments/environments'
import type { Handlers } from './ipc/dispatch'
import { appHandlers } from './ipc/handlers/app'
import { batchesHandlers } from './ipc/handlers/batches'
import type { AppDeps, HandlerContext } from './ipc/handlers/context'
import { draftsHandlers } from './ipc/handlers/drafts'
import { importHandlers } from './ipc/handlers/import'
import { runsHandlers } from './ipc/handlers/runs'
import { settingsHandlers } from './ipc/handlers/settings'
import { templateHandlers } from './ipc/handlers/template'
import { createSettingsStore } from './settings/store'

export type { AppDeps, AreaHandlers, HandlerContext } from './ipc/handlers/context'

export interface AppServices {
  handlers: Handlers
  /** Stops whatever the areas started (runs, timers, servers). Safe to call twice. */
  dispose(): Promise<void>
}

/**
 * Builds every request handler from injected deps. The Electron app, the browser harness and
 * integration tests all call this, so they exercise the same code. Adding an area is one import
 * and one spread line below; the `Handlers` type refuses to compile while any contract request
 * lacks its handler, so the contract and main cannot drift.
 */
export function createAppServices(deps: AppDeps): AppServices {
  const disposers: (() => void | Promise<void>)[] = []
  const settings = createSettingsStore(deps.db, deps.secrets)
  // The one connection to Dintero of the app: credentials from the secret store.
  const connector = createConnector({
    dataDir: deps.dataDir,
    credentials: secretStoreCredentials(settings),
    ...realConnectors,
  })
  const environments = createEnvironments({ settings, log: deps.log, connector })
  disposers.push(() => environments.close())
  const ctx: HandlerContext = {
    ...deps,
    settings,
    environments,
    onDispose: (fn) => void disposers.push(fn),
  }

  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...runsHandlers(ctx),
    ...batchesHandlers(ctx),
    ...settingsHandlers(ctx),
    ...importHandlers(ctx),
    ...templateHandlers(ctx),
    ...draftsHandlers(ctx),
  }

  let disposed = false
  return {
    handlers,
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
