/**
 * Where the app is. State-based (no URLs): the window shows exactly one screen, chosen by `screen`,
 * with that screen's parameters. Import screens carry the main-process import session id; the
 * run and history screens carry a batch id.
 */
export type Route =
  | { screen: 'start' }
  | { screen: 'read'; sessionId: string }
  | { screen: 'map'; sessionId: string }
  | { screen: 'review'; sessionId: string }
  | { screen: 'plan'; sessionId: string }
  | { screen: 'run'; batchId: string }
  | { screen: 'history'; batchId?: string }
  | { screen: 'settings' }

export type ScreenName = Route['screen']
export type RouteOf<S extends ScreenName> = Extract<Route, { screen: S }>

/** Which top-bar tab is lit for a screen: the import steps and the run belong to Start's flow. */
export function navSection(screen: ScreenName): 'start' | 'history' | 'settings' {
  if (screen === 'history') return 'history'
  if (screen === 'settings') return 'settings'
  return 'start'
}

export const importSteps = ['read', 'map', 'review', 'plan'] as const
export type ImportStep = (typeof importSteps)[number]
