import type { AreaHandlers, HandlerContext } from './context'

/**
 * Settings: environment, defaults, language, credentials. Every answer is the SettingsView,
 * which says only whether credentials are stored — secrets go in, never out.
 */
export function settingsHandlers(ctx: HandlerContext): AreaHandlers<'settings'> {
  const { settings, environments } = ctx
  const changed = <T extends ReturnType<typeof settings.view>>(view: T): T => {
    ctx.events.emit('settings:changed', view)
    return view
  }
  return {
    'settings:get': () => settings.view(),
    'settings:setEnvironment': ({ environment }) => changed(settings.setEnvironment(environment)),
    'settings:saveDefaults': (defaults) => changed(settings.saveDefaults(defaults)),
    'settings:setLanguage': ({ language }) => changed(settings.setLanguage(language)),
    'settings:saveCredentials': ({ environment, accountId, clientId, clientSecret }) => {
      const view = settings.saveCredentials(environment, { accountId, clientId, clientSecret })
      ctx.log.info(`credentials stored for ${environment}`, {
        accountId: view.environments[environment].accountId,
      })
      return changed(view)
    },
    'settings:clearCredentials': ({ environment }) => {
      const view = settings.clearCredentials(environment)
      ctx.log.info(`credentials removed for ${environment}`)
      return changed(view)
    },
    'settings:resetSecrets': () => {
      ctx.secrets.reset()
      ctx.log.warn("the damaged credentials file was set aside at the user's request")
      return changed(settings.view())
    },
    'settings:testConnection': ({ environment }) => environments.testConnection(environment),
  }
}
