import { common } from './common'
import { compare } from './compare'
import { figures } from './figures'
import { history } from './history'
import { map } from './map'
import { plan } from './plan'
import { read } from './read'
import { repeat } from './repeat'
import { review } from './review'
import { run } from './run'
import { secrets } from './secrets'
import { settings } from './settings'
import { start } from './start'
import { updates } from './updates'

/**
 * Every area's strings. A key is `area.key` (e.g. `start.title`). Each area owns its file;
 * adding an area is one import and one entry here.
 */
export const areas = {
  common,
  start,
  read,
  map,
  review,
  plan,
  compare,
  figures,
  settings,
  run,
  history,
  repeat,
  updates,
  secrets,
  // UI-run's areas: run, history, settings
} as const
