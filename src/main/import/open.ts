import { isUtf8 } from 'node:buffer'
import { open, stat } from 'node:fs/promises'
import { looksBinary } from './decode'
import { checkExtension, type Container, notAWorkbook, sniffContainer } from './detect'
import { megabytes, readError, shown } from './errors'
import type { IssueSink } from './issues'
import type { ReadLimits } from './types'

export interface Opened {
  size: number
  head: Uint8Array
  container: Container
}

/**
 * Checks that the file exists, has an accepted extension, is not empty or over the size limit,
 * and that its content matches its name. The content decides the reader: a workbook named .csv
 * is read as the workbook it is (with a warning), but text named .xlsx is refused.
 */
export async function openSource(file: string, limits: ReadLimits, issues: IssueSink): Promise<Opened> {
  const declared = checkExtension(file)
  let size: number
  try {
    const st = await stat(file)
    if (!st.isFile()) throw new Error('not a file')
    size = st.size
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
    throw readError(
      missing ? 'file_not_found' : 'file_unreadable',
      file,
      missing
        ? `${shown(file)} does not exist.`
        : `${shown(file)} cannot be read (it is not a regular file).`,
      missing ? `${shown(file)} finnes ikke.` : `${shown(file)} kan ikke leses (det er ikke en vanlig fil).`,
      { detail: (e as Error).message },
    )
  }
  if (size === 0) {
    throw readError(
      'empty_file',
      file,
      `${shown(file)} is empty (0 bytes).`,
      `${shown(file)} er tom (0 byte).`,
    )
  }
  const head = new Uint8Array(Math.min(size, 4096))
  const fh = await open(file, 'r')
  try {
    await fh.read(head, 0, head.length, 0)
  } finally {
    await fh.close()
  }
  const container = sniffContainer(head)
  if (declared === 'workbook' && container === 'text') {
    const text = new TextDecoder(isUtf8(head) ? 'utf-8' : 'windows-1252').decode(head)
    notAWorkbook(file, !looksBinary(text), text)
  }
  if (declared === 'text' && container !== 'text') {
    issues.add({
      code: 'extension_mismatch',
      severity: 'warning',
      line: 0,
      message: `${shown(file)} is named like a text file but is a workbook; it was read as a workbook.`,
      message_nb: `${shown(file)} er navngitt som en tekstfil, men er en arbeidsbok; den ble lest som arbeidsbok.`,
    })
  }
  const max = container === 'text' ? limits.maxTextBytes : limits.maxWorkbookBytes
  if (size > max) {
    throw readError(
      'file_too_large',
      file,
      `${shown(file)} is ${megabytes(size)} MB; at most ${megabytes(max)} MB can be read (${container === 'text' ? 'text files' : 'workbooks'}).`,
      `${shown(file)} er ${megabytes(size)} MB; høyst ${megabytes(max)} MB kan leses (${container === 'text' ? 'tekstfiler' : 'arbeidsbøker'}).`,
    )
  }
  return { size, head, container }
}
