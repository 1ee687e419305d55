import type { Shell } from 'electron'
import type { ExternalOpener } from '../platform'
import { type ExternalLinkPolicy, openExternalSafe } from './security'

export type ShellLike = Pick<Shell, 'openExternal'>

/** The app's only path to shell.openExternal: every URL passes the safe predicate first. */
export function electronOpener(
  shell: ShellLike,
  policy: () => ExternalLinkPolicy = () => ({}),
): ExternalOpener {
  return { open: (url) => openExternalSafe(url, (safe) => shell.openExternal(safe), policy()) }
}
