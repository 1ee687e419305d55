import type { HandlerContext } from './context'

export type UiLanguage = 'nb' | 'en'

/** The language the user sees: the one chosen in Settings, else the system's (Norwegian or English). */
export function uiLanguage(ctx: HandlerContext): UiLanguage {
  return ctx.settings.view().language ?? (ctx.system.locale().toLowerCase().startsWith('n') ? 'nb' : 'en')
}

/** Titles and file-type names of the native open and save dialogs, in the user's language. */
const TEXT = {
  nb: {
    openSpreadsheet: 'Åpne regnearket med fakturaene',
    spreadsheets: 'Regneark',
    allFiles: 'Alle filer',
    saveTemplate: 'Lagre fakturamalen',
    exportReport: 'Eksporter rapporten',
    exportFailed: 'Eksporter radene som feilet',
  },
  en: {
    openSpreadsheet: 'Open the invoice spreadsheet',
    spreadsheets: 'Spreadsheets',
    allFiles: 'All files',
    saveTemplate: 'Save the invoice template',
    exportReport: 'Export the report',
    exportFailed: 'Export the failed rows',
  },
} as const

export function dialogText(ctx: HandlerContext): (typeof TEXT)[UiLanguage] {
  return TEXT[uiLanguage(ctx)]
}
