/**
 * The operating-system edges the services use, as small interfaces. Electron implements them in
 * src/main/electron/*; tests and the browser harness use the fakes in test/support/platform-fakes.ts.
 * Nothing here imports Electron, so services run in plain Node.
 */

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface OpenFileOptions {
  title?: string
  defaultPath?: string
  filters?: FileFilter[]
}

export interface SaveFileOptions {
  title?: string
  defaultPath?: string
  filters?: FileFilter[]
}

export interface ConfirmOptions {
  message: string
  detail?: string
  confirmLabel: string
  cancelLabel: string
  /** Destructive confirmations (void, production submit) default to Cancel. */
  danger?: boolean
}

/** Native dialogs. `null` means the user cancelled. */
export interface Dialogs {
  openFile(options: OpenFileOptions): Promise<string | null>
  saveFile(options: SaveFileOptions): Promise<string | null>
  confirm(options: ConfirmOptions): Promise<boolean>
  showError(title: string, message: string): Promise<void>
}

export interface SecretBackend {
  /** False when secrets would be stored readable (Linux `basic_text`, or no encryption at all). */
  secure: boolean
  /** What protects the secret: `keychain`, `dpapi`, `gnome_libsecret`, `kwallet5`, `basic_text`, `unavailable` … */
  backend: string
}

/** Credentials (Dintero client secrets). Values never reach logs, the journal or the renderer. */
export interface SecretStore {
  isSecure(): SecretBackend
  /** Throws AppError `secrets_unavailable` when the OS cannot encrypt. */
  set(key: string, value: string): void
  get(key: string): string | null
  delete(key: string): void
  /** Sets a damaged store aside and starts empty (throws AppError `secrets_damaged` until then). */
  reset(): void
}

/** Opens links in the user's browser, only through the one safe predicate. */
export interface ExternalOpener {
  /**
   * Resolves false (and opens nothing) when the URL is not allowed or could not be opened; never
   * rejects. `policy.sandboxPort` allows the running sandbox's invoice pages.
   */
  open(url: string, policy?: { sandboxPort?: number }): Promise<boolean>
}

export interface Notification {
  title: string
  body: string
  /** What a click on the notification does (the window is brought forward first). */
  onClick?: () => void
}

export interface Notifier {
  notify(notification: Notification): void
}

export type Theme = 'light' | 'dark'

export interface SystemInfo {
  /** BCP 47 tag of the OS/UI locale, e.g. `nb-NO`. */
  locale(): string
  theme(): Theme
  /** Returns an unsubscribe function. */
  onThemeChange(listener: (theme: Theme) => void): () => void
}
