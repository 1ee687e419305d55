import { checkOpenPath } from '../import/open-path'

/**
 * Files the operating system hands the app: "Open with Kravia Batch", a double-click on an
 * associated .csv/.xlsx/.xls/.ods, or a second launch with a file (forwarded by the single-instance
 * lock). Pure, so tests cover them without Electron.
 */

/**
 * The spreadsheet named on a command line, if any. Electron's own arguments (the executable, the
 * app folder when unpackaged, `--flags`) are skipped; only a path the open rules accept counts,
 * and the last one wins (the OS appends the file it was asked to open).
 */
export function fileArgument(
  argv: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]
    if (arg.startsWith('-')) continue
    try {
      return checkOpenPath(arg, platform)
    } catch {
      // Not a spreadsheet path (the app folder, an unrelated argument): keep looking.
    }
  }
  return null
}

export interface LaunchFiles {
  /** A file arrived from the OS. */
  add(path: string): void
  /** The page asks once it listens: files that arrived before that, oldest first. */
  take(): string[]
}

/**
 * Files arriving before the page can listen are kept; once the page has asked for them, later
 * files go straight to it as `app:openFile` events.
 */
export function createLaunchFiles(emit: (path: string) => void): LaunchFiles {
  let pending: string[] = []
  let listening = false
  return {
    add(path) {
      if (listening) emit(path)
      else pending.push(path)
    },
    take() {
      listening = true
      const out = pending
      pending = []
      return out
    },
  }
}
