import type { z } from 'zod'
import { appEvents, appRequests } from './app'
import { batchesEvents, batchesRequests } from './batches'
import { importEvents, importRequests } from './import'
import { mappingRequests } from './mapping'
import { planRequests } from './plan'
import { reviewRequests } from './review'
import { runsEvents, runsRequests } from './runs'
import { settingsEvents, settingsRequests } from './settings'

/**
 * The one place that declares every main↔renderer operation and push event, one file per area.
 * Channels are `area:verb`. The preload, the test bridge, the main-process dispatcher and the
 * renderer's `window.api` type are all derived from these two objects.
 */

export type * from './app'
export type * from './batches'
export type * from './import'
export type * from './mapping'
export type * from './plan'
export type * from './review'
export type * from './runs'
export type * from './settings'
export { FROM_ORG_NUMBER } from './settings'

export const requests = {
  ...runsRequests,
  ...batchesRequests,
  ...settingsRequests,
  ...importRequests,
  ...mappingRequests,
  ...reviewRequests,
  ...planRequests,
  ...appRequests,
} as const

export const events = {
  ...runsEvents,
  ...batchesEvents,
  ...settingsEvents,
  ...importEvents,
  ...appEvents,
} as const

export type Requests = typeof requests
export type RequestName = keyof Requests
export type EventName = keyof typeof events
export type InputOf<K extends RequestName> = z.input<Requests[K]['input']>
export type ParsedInputOf<K extends RequestName> = z.output<Requests[K]['input']>
export type ResultOf<K extends RequestName> = Requests[K]['result']
export type EventPayload<E extends EventName> = (typeof events)[E]
