import type { HandlerContext } from '../ipc/handlers/context'
import { createSettingsStore, type SettingsStore } from '../settings/store'
import { createEnvironments, type Environments, type EnvironmentsDeps } from './environments'
import { realConnectors } from './connectors'

/**
 * The settings store and environments are shared by the runs, batches, settings and
 * environments handlers. Each handler factory gets the same context, so one instance per
 * context is created here on first use and closed with the services.
 */
export interface RunRuntime {
  settings: SettingsStore
  environments: Environments
}

const runtimes = new WeakMap<HandlerContext, RunRuntime>()

export function runtimeFor(
  ctx: HandlerContext,
  connectors: Pick<EnvironmentsDeps, 'createClient' | 'startSandbox'> = realConnectors,
): RunRuntime {
  let rt = runtimes.get(ctx)
  if (!rt) {
    const settings = createSettingsStore(ctx.db, ctx.secrets)
    const environments = createEnvironments({ dataDir: ctx.dataDir, settings, log: ctx.log, ...connectors })
    rt = { settings, environments }
    runtimes.set(ctx, rt)
    ctx.onDispose(() => environments.close())
  }
  return rt
}
