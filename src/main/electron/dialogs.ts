import type { BaseWindow, Dialog } from 'electron'
import type { ConfirmOptions, Dialogs, OpenFileOptions, SaveFileOptions } from '../platform'

export type DialogLike = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>

/** Builds the message box for a confirmation; destructive ones default to and cancel on Cancel. */
export function confirmBoxOptions(options: ConfirmOptions) {
  return {
    type: options.danger ? ('warning' as const) : ('question' as const),
    message: options.message,
    detail: options.detail,
    buttons: [options.cancelLabel, options.confirmLabel],
    defaultId: options.danger ? 0 : 1,
    cancelId: 0,
    noLink: true,
  }
}

/** Native dialogs, modal to the main window when it exists. */
export function electronDialogs(dialog: DialogLike, window: () => BaseWindow | null): Dialogs {
  return {
    async openFile(options: OpenFileOptions) {
      const w = window()
      const opts = { ...options, properties: ['openFile' as const] }
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts)
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]
    },
    async saveFile(options: SaveFileOptions) {
      const w = window()
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
    async confirm(options: ConfirmOptions) {
      const w = window()
      const box = confirmBoxOptions(options)
      const r = w ? await dialog.showMessageBox(w, box) : await dialog.showMessageBox(box)
      return r.response === 1
    },
    async showError(title: string, message: string) {
      const w = window()
      const box = { type: 'error' as const, title, message, buttons: ['OK'], noLink: true }
      if (w) await dialog.showMessageBox(w, box)
      else await dialog.showMessageBox(box)
    },
  }
}
