import { z } from 'zod'
import { returns } from './ipc'

/**
 * The one place that declares every main↔renderer operation and push event.
 * Channels are `area:verb`. The preload, the test bridge, the main-process dispatcher and the
 * renderer's `window.api` type are all derived from these two objects.
 */

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

export const requests = {
  'app:info': { input: z.object({}).strict(), result: returns<AppInfo>() },
  'app:ping': {
    input: z.object({ message: z.string().max(200) }).strict(),
    result: returns<{ echo: string; at: string }>(),
  },
} as const

export const events = {
  'app:menu': returns<{ action: 'open-file' | 'about' | 'settings' | 'history' | 'start' }>(),
} as const

export type Requests = typeof requests
export type RequestName = keyof Requests
export type EventName = keyof typeof events
export type InputOf<K extends RequestName> = z.input<Requests[K]['input']>
export type ParsedInputOf<K extends RequestName> = z.output<Requests[K]['input']>
export type ResultOf<K extends RequestName> = Requests[K]['result']
export type EventPayload<E extends EventName> = (typeof events)[E]
