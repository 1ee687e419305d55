import { parseArgs } from 'node:util'
import { usageError } from './context'

/**
 * How a command declares one option, once: its kind says how it is read from argv and what value
 * the command gets (`int` and `number` are checked against their range with one-line messages).
 */
export type OptionSpec =
  | { kind: 'string' }
  | { kind: 'flag' }
  | { kind: 'repeatable' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'choice'; choices: readonly string[]; note?: string }

export const opt = {
  string: { kind: 'string' },
  flag: { kind: 'flag' },
  /** A string that may be given several times (`--ref A --ref B`). */
  repeatable: { kind: 'repeatable' },
  /** A whole number from `min` to `max`. */
  int: (min: number, max: number) => ({ kind: 'int' as const, min, max }),
  number: (min: number, max: number) => ({ kind: 'number' as const, min, max }),
  /** One of a few words; `note` explains them in the refusal ("incl or excl (including or excluding VAT)"). */
  choice: <const C extends string>(choices: readonly C[], note?: string) => ({
    kind: 'choice' as const,
    choices,
    note,
  }),
} as const

export type OptionSpecs = Record<string, OptionSpec>

type ValueOf<S extends OptionSpec> = S extends { kind: 'string' }
  ? string
  : S extends { kind: 'flag' }
    ? boolean
    : S extends { kind: 'repeatable' }
      ? string[]
      : S extends { kind: 'choice'; choices: readonly (infer C)[] }
        ? C
        : number

/** The values a command gets for its declared options; an option not given is absent. */
export type OptionValues<O extends OptionSpecs> = { [K in keyof O]?: ValueOf<O[K]> }

/** The options of the commands that talk to Dintero about a batch. */
export const apiUrlOption = { 'api-url': opt.string } as const

/** Help lines every command that talks to Dintero about a stored batch shares. */
export const API_URL_HELP =
  "  --api-url URL   a Dintero sandbox on this machine to use instead of the batch's stored address"
export const CREDENTIALS_HELP = 'Test/production batches need DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET.'

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw usageError(`--${name} must be a whole number, got "${raw}".`)
  const n = Number(raw)
  if (n < min || n > max) throw usageError(`--${name} must be between ${min} and ${max}, got ${n}.`)
  return n
}

function anyNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw)
  if (!Number.isFinite(n) || n < min || n > max) {
    throw usageError(`--${name} must be a number between ${min} and ${max}, got "${raw}".`)
  }
  return n
}

function oneOf(name: string, raw: string, choices: readonly string[], note: string | undefined): string {
  if (choices.includes(raw)) return raw
  const words = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`
  throw usageError(`--${name} must be ${words}${note ? ` (${note})` : ''}, got "${raw}".`)
}

/**
 * Reads a command's argv against its declared options (util.parseArgs, strict): an unknown option
 * or a missing value becomes one usage line naming the command; numbers come back checked.
 */
export function parseCommandArgs<O extends OptionSpecs>(
  command: string,
  args: string[],
  options: O,
): { values: OptionValues<O>; positionals: string[] } {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {}
  for (const [name, spec] of Object.entries(options)) {
    config[name] = { type: spec.kind === 'flag' ? 'boolean' : 'string', multiple: spec.kind === 'repeatable' }
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof config; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true })
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e)
    throw usageError(`${command}: ${message}. See --help.`)
  }
  const values: Record<string, unknown> = {}
  for (const [name, raw] of Object.entries(parsed.values)) {
    const spec = options[name]
    if (spec.kind === 'int') values[name] = wholeNumber(name, raw as string, spec.min, spec.max)
    else if (spec.kind === 'number') values[name] = anyNumber(name, raw as string, spec.min, spec.max)
    else if (spec.kind === 'choice') values[name] = oneOf(name, raw as string, spec.choices, spec.note)
    else values[name] = raw
  }
  return { values: values as OptionValues<O>, positionals: parsed.positionals }
}

/** The one BATCH argument (an id or "latest") of a command that needs it. */
export function batchArg(command: string, positionals: string[]): string {
  if (positionals.length === 0) throw usageError(`${command} needs a batch id (or "latest"). See --help.`)
  return optionalBatchArg(command, positionals)!
}

/** The BATCH argument of a command with a default batch (status, resume). */
export function optionalBatchArg(command: string, positionals: string[]): string | undefined {
  if (positionals.length > 1) throw usageError(`${command} takes one batch, got "${positionals.join(' ')}".`)
  return positionals[0]
}

/** The one FILE argument of a command that reads a spreadsheet. */
export function fileArg(command: string, positionals: string[]): string {
  if (positionals.length !== 1) throw usageError(`${command} needs exactly one FILE. See --help.`)
  return positionals[0]
}

/** Asking is impossible without a terminal: a command that sends needs an explicit --yes there. */
export function requireYesWithoutTerminal(
  command: string,
  yes: boolean | undefined,
  interactive: boolean,
): void {
  if (!yes && !interactive)
    throw usageError(`${command} needs --yes when no terminal is attached (nothing was sent).`)
}
