/**
 * Where an import's invoices would go (environment and account) and the defaults from Settings
 * that fill what the file leaves out, in the forms the Map screen and the validator take.
 */
import type { CanonicalField } from '../../shared/canonical'
import type { EnvironmentKind, RunDefaults } from '../../shared/contract'
import { FROM_ORG_NUMBER } from '../../shared/contract'
import type { Db } from '../db/open'
import type { ValidationScope } from '../invoice/import-path'
import { findInvoicedReferences } from '../journal/invoiced'

/** Where invoices would go: decides the "already invoiced" check and the defaults. */
export interface ImportScope {
  env: EnvironmentKind
  account: string
  defaults: RunDefaults
}

/** What a validation depends on besides the file and mapping: a change means validating again. */
export function scopeKey(s: ImportScope): string {
  return JSON.stringify([
    s.env,
    s.account,
    s.defaults.daysUntilDue,
    s.defaults.productType,
    s.defaults.invoiceChannel,
    s.defaults.callbackUrl,
    s.defaults.businessDayDue,
  ])
}

/** The defaults the Map screen shows beside fields the file leaves out. */
export function mapDefaults(d: RunDefaults): Partial<Record<CanonicalField, string>> {
  const defaults: Partial<Record<CanonicalField, string>> = {
    days_until_due: String(d.daysUntilDue),
    invoice_channel: d.invoiceChannel,
  }
  // "Decide from the organisation number" is no default value: the rule fills the type.
  if (d.productType !== FROM_ORG_NUMBER)
    defaults.payment_product_type = d.productType.replace(/^kravia\.invoice_/, '')
  return defaults
}

/** Settings and the journal as the validator takes them. */
export function validationScope(scope: ImportScope, db: Db, now: Date): ValidationScope {
  const d = scope.defaults
  return {
    defaults: {
      days_until_due: d.daysUntilDue,
      payment_product_type: d.productType === FROM_ORG_NUMBER ? undefined : d.productType,
      invoice_channel: d.invoiceChannel,
    },
    callbackUrl: d.callbackUrl.trim() || undefined,
    now,
    invoicedLookup: (refs) => findInvoicedReferences(db, scope.env, scope.account, refs),
    invoicedScope: `${scope.env}, account ${scope.account}`,
    businessDayDue: d.businessDayDue,
  }
}
