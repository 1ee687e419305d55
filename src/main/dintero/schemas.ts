import { z } from 'zod'
import type { Transaction } from './types'

/**
 * Dintero's answers, parsed tolerantly: unknown fields are kept (loose objects), optional fields
 * may be missing, and metadata values that are neither string nor number are dropped rather
 * than failing the whole answer. Only what the app relies on is required.
 */

const metadata = z
  .record(z.string(), z.unknown())
  .transform((m) => {
    const out: Record<string, string | number> = {}
    for (const [k, v] of Object.entries(m)) if (typeof v === 'string' || typeof v === 'number') out[k] = v
    return out
  })
  .optional()
  .catch(undefined)

const eventSchema = z.looseObject({
  event: z.string(),
  created_at: z.string().optional().catch(undefined),
  success: z.boolean().optional().catch(undefined),
  amount: z.number().optional().catch(undefined),
  transaction_status: z.string().optional().catch(undefined),
  metadata,
  error: z
    .looseObject({ code: z.string().optional().catch(undefined), message: z.string().catch('') })
    .optional()
    .catch(undefined),
})

export const transactionSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  amount: z.number(),
  currency: z.string().optional().catch(undefined),
  merchant_reference: z.string().optional().catch(undefined),
  payment_product: z.string().optional().catch(undefined),
  payment_product_type: z.string().optional().catch(undefined),
  billing_address: z.record(z.string(), z.unknown()).optional().catch(undefined),
  created_at: z.string().optional().catch(undefined),
  metadata,
  // One malformed event should not hide the others.
  events: z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((list) =>
      list?.flatMap((e) => {
        const r = eventSchema.safeParse(e)
        return r.success ? [r.data] : []
      }),
    ),
})

export const transactionListSchema = z.array(z.unknown())

export const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
})

export const errorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.string().optional().catch(undefined),
    message: z.string().optional().catch(undefined),
    errors: z.array(z.unknown()).optional().catch(undefined),
  }),
})

export function parseTransaction(value: unknown): Transaction | undefined {
  const r = transactionSchema.safeParse(value)
  return r.success ? (r.data as Transaction) : undefined
}
