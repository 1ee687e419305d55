import { z } from 'zod'
import { returns } from '../ipc'

export type EnvironmentKind = 'sandbox' | 'test' | 'production'

export interface AppInfo {
  name: string
  version: string
  environment: EnvironmentKind
  account: string
  dataDir: string
  locale: string
  theme: 'light' | 'dark'
}

export const appRequests = {
  'app:info': { input: z.object({}).strict(), result: returns<AppInfo>() },
  'app:ping': {
    input: z.object({ message: z.string().max(200) }).strict(),
    result: returns<{ echo: string; at: string }>(),
  },
  /** Spreadsheets the OS asked the app to open before the page listened ("Open with", a launch). */
  'app:openedFiles': { input: z.object({}).strict(), result: returns<{ paths: string[] }>() },
  /** Update checks of the installed app: the state, and turning the daily check on or off. */
  'app:updates': {
    input: z.object({ enabled: z.boolean().optional() }).strict(),
    result: returns<{ supported: boolean; enabled: boolean; ready: string | null }>(),
  },
  /** Restart into a downloaded update; refused while a batch is being sent. */
  'app:installUpdate': { input: z.object({}).strict(), result: returns<{ installing: boolean }>() },
} as const

export const appEvents = {
  'app:menu': returns<{ action: 'open-file' | 'about' | 'settings' | 'history' | 'start' }>(),
  /** The OS asked the running app to open a spreadsheet (a second launch, "Open with"). */
  'app:openFile': returns<{ path: string }>(),
  /** A new version has been downloaded and waits for the user's word. */
  'app:updateReady': returns<{ version: string }>(),
} as const
