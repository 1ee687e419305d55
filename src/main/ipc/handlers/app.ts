import { PRODUCT_NAME } from '../../paths'
import { createSettingsStore } from '../../settings/store'
import { createUpdates } from '../../updates'
import type { AreaHandlers, HandlerContext } from './context'

export function appHandlers(ctx: HandlerContext): AreaHandlers<'app'> {
  const settings = createSettingsStore(ctx.db, ctx.secrets)
  // Without an updater (unpackaged, browser tests) the setting is still kept; nothing is checked.
  const updates =
    ctx.updates ??
    createUpdates({ db: ctx.db, updater: null, log: ctx.log, now: ctx.clock, onReady: () => {} })
  return {
    'app:info': () => {
      // The environment the app sends to (the badge): sandbox until Settings switches to an account.
      const environment = settings.environment()
      const account =
        environment === 'sandbox' ? 'Sandbox' : (settings.view().environments[environment].accountId ?? '')
      return {
        name: PRODUCT_NAME,
        version: ctx.version,
        environment,
        account,
        dataDir: ctx.dataDir,
        locale: ctx.system.locale(),
        theme: ctx.system.theme(),
      }
    },
    'app:ping': ({ message }) => ({ echo: message, at: ctx.clock().toISOString() }),
    'app:openedFiles': () => ({ paths: ctx.launchFiles?.take() ?? [] }),
    'app:updates': ({ enabled }) => (enabled === undefined ? updates.state() : updates.setEnabled(enabled)),
    'app:installUpdate': () => ({ installing: updates.install() }),
  }
}
