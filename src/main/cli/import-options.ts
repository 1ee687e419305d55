import { readFileSync } from 'node:fs'
import type { PriceBasis } from '../../shared/canonical'
import { AppError } from '../../shared/errors'
import type { ValidateFileOptions } from '../invoice/pipeline'
import type { Defaults } from '../invoice/types'
import { parseProductType } from '../values/parse'
import { parseMappingFile } from '../mapping'
import { usageError } from './context'
import { type OptionValues, opt } from './options'

/** The options every command that reads a spreadsheet takes (validate, submit), parsed one way. */
export const importOptionSpec = {
  sheet: opt.string,
  mapping: opt.string,
  'no-remembered': opt.flag,
  'days-until-due': opt.int(0, 365),
  'product-type': opt.string,
  'invoice-channel': opt.choice(['kravia', 'merchant']),
  'callback-url': opt.string,
  'business-day-due': opt.flag,
  prices: opt.choice(['incl', 'excl'], 'including or excluding VAT'),
} as const

export interface ImportOptions {
  sheet?: string
  mappingFile?: ValidateFileOptions['mappingFile']
  /** False with --no-remembered. */
  useRemembered: boolean
  /** For absent columns and blank cells. */
  defaults: Pick<Defaults, 'days_until_due' | 'payment_product_type' | 'invoice_channel'>
  callbackUrl?: string
  /** --business-day-due: weekend and holiday due dates move to the next business day (off unless asked). */
  businessDayDue: boolean
  /** --prices: the VAT basis of price columns whose header does not say (`Pris`, `Beløp`). */
  prices?: PriceBasis
}

/** The help text of --prices, shared by validate and submit. */
export const PRICES_HELP = `Prices and VAT:
  Headers that say excluding VAT (Enhetspris eks. mva, Beløp ekskl. mva, Pris u/mva, Nettopris,
  Price excl. VAT) are read as Unit price excl. VAT / Line amount excl. VAT (unit_price_excl_vat,
  amount_excl_vat): VAT is added per line, net × rate rounded to øre. Headers that say including
  VAT (inkl. mva, brutto, incl. VAT) are Unit price / Line amount incl. VAT (unit_price, amount).
  Headers that say neither (Pris, Enhetspris, Beløp, Sum) are read as including VAT unless
  --prices excl. Rabatt % (discount_percent, 0–100) comes off each line before VAT. MVA-kode
  (vat_code) takes Norway's output VAT codes: 3 = 25 %, 31 = 15 %, 32 = 11.11 %, 33 = 12 %;
  5, 51, 52, 6, 7 = 0 %.
  --prices incl|excl     the VAT basis of price columns whose header does not say (default incl)`

/** Checks the import options and reads the --mapping file; every problem is a one-line usage error. */
export async function parseImportOptions(
  values: OptionValues<typeof importOptionSpec>,
): Promise<ImportOptions> {
  const days = values['days-until-due']
  const productType = values['product-type']
  if (productType !== undefined && !parseProductType(productType))
    throw usageError(`--product-type must be b2b, b2c or b2b_grouped, got "${productType}".`)
  const channel = values['invoice-channel']
  const callbackUrl = values['callback-url']
  if (callbackUrl !== undefined) {
    // Loaded only when needed: kravia-schema pulls in zod, which costs start-up time on every run.
    const { validateCallbackUrl } = await import('../../shared/kravia-schema')
    const problem = validateCallbackUrl(callbackUrl)
    if (problem) throw usageError(problem)
  }
  let mappingFile: ImportOptions['mappingFile']
  if (values.mapping !== undefined) {
    let text: string
    try {
      text = readFileSync(values.mapping, 'utf8')
    } catch {
      throw new AppError('mapping_file_unreadable', `Cannot read the mapping file ${values.mapping}.`, {
        message_nb: `Kan ikke lese mappingfilen ${values.mapping}.`,
        file: values.mapping,
        exitCode: 2,
      })
    }
    mappingFile = { name: values.mapping, content: parseMappingFile(text, values.mapping) }
  }
  return {
    sheet: values.sheet,
    mappingFile,
    useRemembered: !values['no-remembered'],
    defaults: { days_until_due: days, payment_product_type: productType, invoice_channel: channel },
    callbackUrl,
    businessDayDue: values['business-day-due'] === true,
    prices: values.prices,
  }
}
