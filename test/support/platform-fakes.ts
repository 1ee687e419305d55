import { AppError } from '../../src/shared/errors'
import { type ExternalLinkPolicy, openExternalSafe } from '../../src/main/electron/security'
import type {
  ConfirmOptions,
  Dialogs,
  ExternalOpener,
  Notification,
  Notifier,
  OpenFileOptions,
  SaveFileOptions,
  SecretBackend,
  SecretStore,
  SystemInfo,
  Theme,
} from '../../src/main/platform'

/**
 * Test doubles for the OS edges (platform.ts). They are real implementations of the interfaces
 * that record what happened, used by unit tests, the CLI's tests and the browser harness.
 */

export interface DialogScript {
  /** Answers for successive openFile calls; `null` = cancelled. Exhausted → null. */
  openFile?: (string | null)[]
  saveFile?: (string | null)[]
  confirm?: boolean[]
}

export type DialogCall =
  | { kind: 'openFile'; options: OpenFileOptions; answer: string | null }
  | { kind: 'saveFile'; options: SaveFileOptions; answer: string | null }
  | { kind: 'confirm'; options: ConfirmOptions; answer: boolean }
  | { kind: 'showError'; title: string; message: string }

export class FakeDialogs implements Dialogs {
  readonly calls: DialogCall[] = []
  readonly script: Required<DialogScript>

  constructor(script: DialogScript = {}) {
    this.script = {
      openFile: [...(script.openFile ?? [])],
      saveFile: [...(script.saveFile ?? [])],
      confirm: [...(script.confirm ?? [])],
    }
  }

  async openFile(options: OpenFileOptions): Promise<string | null> {
    const answer = this.script.openFile.shift() ?? null
    this.calls.push({ kind: 'openFile', options, answer })
    return answer
  }

  async saveFile(options: SaveFileOptions): Promise<string | null> {
    const answer = this.script.saveFile.shift() ?? null
    this.calls.push({ kind: 'saveFile', options, answer })
    return answer
  }

  async confirm(options: ConfirmOptions): Promise<boolean> {
    // An unscripted confirmation is a "no": tests must opt in to destructive actions.
    const answer = this.script.confirm.shift() ?? false
    this.calls.push({ kind: 'confirm', options, answer })
    return answer
  }

  async showError(title: string, message: string): Promise<void> {
    this.calls.push({ kind: 'showError', title, message })
  }
}

/** In-memory secrets. `backend` lets tests play an insecure (Linux basic_text) machine. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>()

  constructor(private readonly backend: SecretBackend = { secure: true, backend: 'memory' }) {}

  isSecure(): SecretBackend {
    return { ...this.backend }
  }

  set(key: string, value: string): void {
    if (this.backend.backend === 'unavailable') {
      throw new AppError('secrets_unavailable', 'This computer cannot store the secret encrypted.')
    }
    this.values.set(key, value)
  }

  get(key: string): string | null {
    return this.values.get(key) ?? null
  }

  delete(key: string): void {
    this.values.delete(key)
  }

  reset(): void {
    this.values.clear()
  }

  keys(): string[] {
    return [...this.values.keys()]
  }
}

/** Records the links the app opened; applies the same safety predicate as the real one. */
export class RecordingOpener implements ExternalOpener {
  readonly opened: string[] = []
  readonly refused: string[] = []

  async open(url: string, policy: ExternalLinkPolicy = {}): Promise<boolean> {
    const ok = await openExternalSafe(
      url,
      async (safe) => {
        this.opened.push(safe)
      },
      policy,
    )
    if (!ok) this.refused.push(url)
    return ok
  }
}

export class RecordingNotifier implements Notifier {
  readonly sent: Notification[] = []

  notify(notification: Notification): void {
    const { onClick, ...shown } = notification
    this.sent.push(shown)
    this.clicks.push(onClick)
  }

  private readonly clicks: (Notification['onClick'] | undefined)[] = []

  /** Clicks the n-th notification sent (as the user would on the desktop). */
  click(n: number): void {
    this.clicks[n]?.()
  }
}

export class FakeSystemInfo implements SystemInfo {
  private readonly listeners = new Set<(theme: Theme) => void>()

  constructor(
    private currentLocale = 'nb-NO',
    private currentTheme: Theme = 'light',
  ) {}

  locale(): string {
    return this.currentLocale
  }

  theme(): Theme {
    return this.currentTheme
  }

  onThemeChange(listener: (theme: Theme) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Test control: the OS switched theme. */
  setTheme(theme: Theme): void {
    this.currentTheme = theme
    for (const l of this.listeners) l(theme)
  }

  setLocale(locale: string): void {
    this.currentLocale = locale
  }
}
