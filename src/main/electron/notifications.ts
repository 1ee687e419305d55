import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron'
import type { Notification, Notifier } from '../platform'

export interface NotificationApi {
  isSupported(): boolean
  create(
    options: NotificationConstructorOptions,
  ): Pick<ElectronNotification, 'show'> & { on?(event: 'click', listener: () => void): unknown }
}

/**
 * Desktop notifications (a run finished while the window was in the background, payments came in).
 * A click brings the window forward (`focus`) and then does what the notification asks.
 */
export function electronNotifier(api: NotificationApi, focus: () => void = () => {}): Notifier {
  return {
    notify(n: Notification) {
      // Unsupported (some Linux desktops): the in-app status is the source of truth anyway.
      if (!api.isSupported()) return
      const note = api.create({ title: n.title, body: n.body, silent: false })
      if (n.onClick) {
        const onClick = n.onClick
        note.on?.('click', () => {
          focus()
          onClick()
        })
      }
      note.show()
    },
  }
}
