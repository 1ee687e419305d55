import type { MessageKey } from '../../i18n/catalog'

/** Electron's name for where secrets are kept (keychain, dpapi, gnome_libsecret, …) in words. */
export function secretStoreName(backend: string): MessageKey {
  if (backend === 'keychain') return 'settings.storeKeychain'
  if (backend === 'dpapi') return 'settings.storeWindows'
  if (backend === 'gnome_libsecret' || backend.startsWith('kwallet')) return 'settings.storeKeyring'
  if (backend === 'basic_text') return 'settings.storePlainText'
  if (backend === 'unavailable') return 'settings.storeNone'
  return 'settings.storeSystem'
}
