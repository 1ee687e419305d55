import { posix } from 'node:path'
import { AppError } from '../../shared/errors'
import { checkExtension } from './detect'

/**
 * The rules for a path that arrives from outside main (a dropped file, "Open with", a second
 * launch): only an absolute path to a spreadsheet on a local disk. A network share (`\\host\x`)
 * would make Windows send the user's credentials to that host; a device (`\\.\COM1`, `NUL`,
 * `/dev/zero`) would hang the reader; anything else is not ours to open. (The reader itself then
 * refuses anything that is not a regular file, such as a pipe.)
 */
// Windows device names, reserved in any folder and with any extension (`nul.csv` is the NUL device).
const WIN_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
const POSIX_SYSTEM = /^\/(dev|proc|sys)(\/|$)/

const refuse = (path: string, en: string, nb: string) =>
  new AppError('invalid_path', `${path}: ${en}`, { message_nb: `${path}: ${nb}` })

/** Returns the path unchanged when it may be opened; throws one clear AppError otherwise. */
export function checkOpenPath(path: string, platform: NodeJS.Platform = process.platform): string {
  if (path.includes('\0'))
    throw refuse(JSON.stringify(path), 'this is not a file path.', 'dette er ikke en filsti.')
  const win = platform === 'win32'
  // Both slash kinds are separators on Windows; on other systems `\\host` is only an odd name,
  // but `//host/share` is still refused there because some systems treat it as a network path.
  if (/^[\\/]{2}/.test(path)) {
    throw refuse(
      path,
      'files on a network share or device path cannot be opened directly; copy the file to this computer first.',
      'filer på en nettverksressurs eller enhetssti kan ikke åpnes direkte; kopier filen til denne datamaskinen først.',
    )
  }
  const absolute = win ? /^[a-z]:[\\/]/i.test(path) : posix.isAbsolute(path)
  if (!absolute) {
    throw refuse(path, 'the file must be given with its full path.', 'filen må oppgis med full sti.')
  }
  // `C:\x\a.csv:hidden` is an alternate data stream, not the file the user sees.
  if (win && path.indexOf(':', 2) !== -1) {
    throw refuse(path, 'this is not a plain file path.', 'dette er ikke en vanlig filsti.')
  }
  const parts = (win ? path.split(/[\\/]/) : path.split('/')).filter(Boolean)
  if (
    (win && parts.some((p) => WIN_DEVICE.test(p.replace(/[ .]+$/, '')))) ||
    (!win && POSIX_SYSTEM.test(path))
  ) {
    throw refuse(path, 'this is a device, not a file.', 'dette er en enhet, ikke en fil.')
  }
  // The reader's own extension rule (.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods), with its message.
  checkExtension(path)
  return path
}
