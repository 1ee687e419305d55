import type { EnvironmentKind } from '../../../shared/contract'
import { SANDBOX_CREDENTIALS } from '../../environments/connect'
import type { ImportScope } from '../../import-sessions/session'
import { createImportSessions, type ImportSessions } from '../../import-sessions/sessions'
import { createDraftStore } from '../../import-sessions/store'
import type { HandlerContext } from './context'

export interface ImportRuntime {
  sessions: ImportSessions
  scope: () => ImportScope
}

const runtimes = new WeakMap<HandlerContext, ImportRuntime>()

/** One session manager per services instance, shared by the import, plan and drafts handlers. */
export function importRuntimeFor(ctx: HandlerContext): ImportRuntime {
  let rt = runtimes.get(ctx)
  if (rt) return rt
  const { settings } = ctx
  const scope = (): ImportScope => {
    const env: EnvironmentKind = settings.environment()
    const account =
      env === 'sandbox'
        ? SANDBOX_CREDENTIALS.accountId
        : (settings.credentials(env)?.accountId ?? settings.view().environments[env].accountId ?? '')
    return { env, account, defaults: settings.defaults() }
  }
  const sessions = createImportSessions(createDraftStore(ctx.db), {
    db: ctx.db,
    log: ctx.log,
    now: ctx.clock,
    scope,
    progress: (p) => ctx.events.emit('import:progress', p),
  })
  rt = { sessions, scope }
  runtimes.set(ctx, rt)
  return rt
}
