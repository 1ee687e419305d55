import type { ComponentType } from 'react'
import { MapScreen } from '../screens/map/MapScreen'
import { PlanScreen } from '../screens/plan/PlanScreen'
import { ReadScreen } from '../screens/read/ReadScreen'
import { HistoryScreen } from '../screens/history/HistoryScreen'
import { ReviewScreen } from '../screens/review/ReviewScreen'
import { RunScreen } from '../screens/run/RunScreen'
import { SettingsScreen } from '../screens/settings/SettingsScreen'
import { StartScreen } from '../screens/start/StartScreen'
import type { RouteOf, ScreenName } from './routes'

export type ScreenComponent<S extends ScreenName> = ComponentType<{ route: RouteOf<S> }>
export type ScreenRegistry = { [S in ScreenName]?: ScreenComponent<S> }

/**
 * The screens the router can show. A screen receives its route (with its parameters) as `route`.
 * Add an entry per screen; a missing entry shows "not ready yet" instead of failing.
 */
export const screens: ScreenRegistry = {
  start: StartScreen,
  read: ReadScreen,
  map: MapScreen,
  review: ReviewScreen,
  plan: PlanScreen,
  run: RunScreen,
  history: HistoryScreen,
  settings: SettingsScreen,
}
