import type { Command } from '../context'

/**
 * Every CLI command, loaded lazily so start-up only pays for the one that runs.
 * Add a command: one line here and one file in this folder.
 */
export const commands: Record<string, () => Promise<Command>> = {
  validate: () => import('./validate').then((m) => m.command),
  sim: () => import('./sim').then((m) => m.command),
  void: () => import('./void').then((m) => m.command),
  capture: () => import('./capture').then((m) => m.command),
  refresh: () => import('./refresh').then((m) => m.command),
  export: () => import('./export').then((m) => m.command),
  submit: () => import('./submit').then((m) => m.command),
  resume: () => import('./resume').then((m) => m.command),
  status: () => import('./status').then((m) => m.command),
  repeat: () => import('./repeat').then((m) => m.command),
}
