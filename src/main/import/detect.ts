import { extname } from 'node:path'
import { readError, shown } from './errors'
import type { SourceFormat } from './types'
import { listZip, storedEntry } from './zip'

export const TEXT_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods'] as const

export type Container = 'zip' | 'cfb' | 'text'

/** What the first bytes say: a zip archive (xlsx/xlsm/ods), an OLE2 compound file (xls), or anything else. */
export function sniffContainer(head: Uint8Array): Container {
  if (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 3 || head[2] === 5) &&
    (head[3] === 4 || head[3] === 6)
  ) {
    return 'zip'
  }
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  if (cfb.every((b, i) => head[i] === b)) return 'cfb'
  return 'text'
}

export function extensionOf(file: string): string {
  return extname(file).toLowerCase()
}

export function checkExtension(file: string): 'text' | 'workbook' {
  const ext = extensionOf(file)
  if ((TEXT_EXTENSIONS as readonly string[]).includes(ext)) return 'text'
  if ((WORKBOOK_EXTENSIONS as readonly string[]).includes(ext)) return 'workbook'
  throw readError(
    'unsupported_extension',
    file,
    `${shown(file)} is not a file type Kravia Batch reads; use .csv, .tsv, .txt, .xlsx, .xlsm, .xls or .ods.`,
    `${shown(file)} er ikke en filtype Kravia Batch kan lese; bruk .csv, .tsv, .txt, .xlsx, .xlsm, .xls eller .ods.`,
  )
}

/** Refusal for a workbook extension on content that is not a workbook. */
export function notAWorkbook(file: string, isText: boolean, text = ''): never {
  const what = extensionOf(file)
  if (isText && /^\s*</.test(text.replace(/^\uFEFF/, ''))) {
    // Many web systems' "export to Excel" write an HTML or XML table named .xls.
    throw readError(
      'content_mismatch',
      file,
      `${shown(file)} is named ${what} but is a web page or XML file, not a workbook; open it in Excel or LibreOffice and save it as .xlsx or CSV.`,
      `${shown(file)} heter ${what}, men er en nettside eller XML-fil, ikke en arbeidsbok; åpne den i Excel eller LibreOffice og lagre som .xlsx eller CSV.`,
    )
  }
  if (isText) {
    throw readError(
      'content_mismatch',
      file,
      `${shown(file)} is named ${what} but holds plain text, not a workbook; if it is a CSV file, rename it to .csv.`,
      `${shown(file)} heter ${what}, men inneholder ren tekst, ikke en arbeidsbok; er det en CSV-fil, gi den endelsen .csv.`,
    )
  }
  throw readError(
    'content_mismatch',
    file,
    `${shown(file)} is named ${what} but is not an Excel or OpenDocument workbook; it may be damaged or another kind of file.`,
    `${shown(file)} heter ${what}, men er ikke en Excel- eller OpenDocument-arbeidsbok; den kan være skadet eller en annen filtype.`,
  )
}

export interface ZipKind {
  format: SourceFormat
  declaredBytes: number
}

/** Decides xlsx/xlsm/ods from the zip's entries; refuses truncated archives and zips of other documents. */
export function zipKind(file: string, buf: Buffer): ZipKind {
  const listing = listZip(buf)
  if (!listing.ok) {
    throw readError(
      'truncated_workbook',
      file,
      `${shown(file)} is incomplete or damaged (the workbook's zip directory is ${listing.reason === 'truncated' ? 'missing: the file was cut off' : 'unreadable'}); save or download it again.`,
      `${shown(file)} er ufullstendig eller skadet (zip-katalogen i arbeidsboken ${listing.reason === 'truncated' ? 'mangler: filen er avkuttet' : 'kan ikke leses'}); lagre eller last den ned på nytt.`,
    )
  }
  const names = new Set(listing.entries.map((e) => e.name))
  const declaredBytes = listing.entries.reduce((s, e) => s + e.uncompressedSize, 0)
  if (names.has('[Content_Types].xml') && (names.has('xl/workbook.xml') || names.has('xl/workbook.bin'))) {
    const macro = names.has('xl/vbaProject.bin') || extensionOf(file) === '.xlsm'
    return { format: macro ? 'xlsm' : 'xlsx', declaredBytes }
  }
  const mimetype = listing.entries.find((e) => e.name === 'mimetype')
  const type = mimetype ? storedEntry(buf, mimetype) : undefined
  if (type?.startsWith('application/vnd.oasis.opendocument.spreadsheet'))
    return { format: 'ods', declaredBytes }
  // Some writers (SheetJS among them) compress `mimetype`; then content.xml must tell, and SheetJS decides.
  if (type === undefined && names.has('content.xml') && names.has('META-INF/manifest.xml')) {
    return { format: 'ods', declaredBytes }
  }
  throw readError(
    'content_mismatch',
    file,
    `${shown(file)} is a zip archive but not a spreadsheet (perhaps a Word document or another archive).`,
    `${shown(file)} er et zip-arkiv, men ikke et regneark (kanskje et Word-dokument eller et annet arkiv).`,
  )
}
