import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron'
import type { Notification, Notifier } from '../platform'

export interface NotificationApi {
  isSupported(): boolean
  create(options: NotificationConstructorOptions): Pick<ElectronNotification, 'show'>
}

/** Desktop notifications (a run finished while the window was in the background). */
export function electronNotifier(api: NotificationApi): Notifier {
  return {
    notify(n: Notification) {
      // Unsupported (some Linux desktops): the in-app status is the source of truth anyway.
      if (!api.isSupported()) return
      api.create({ title: n.title, body: n.body, silent: false }).show()
    },
  }
}
