import { AppError } from '../../shared/errors'
import type { FeatureToggle } from '../../shared/kravia'
import type { BatchSettings, RunEnv } from '../journal/types'

/** Real accounts (test and production) start slow and back off for longer than the sandbox. */
const REAL_ACCOUNT: BatchSettings = {
  rate: 5,
  concurrency: 4,
  toggle: 'strict-success-merchant-reference',
  canary: null,
  transientTries: 8,
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
}

/**
 * Conservative defaults per environment. Dintero publishes no rate limits, so real accounts start
 * slow; the adaptive scheduler only ever goes down from the configured rate, never above it.
 */
export const DEFAULT_SETTINGS: Record<RunEnv, BatchSettings> = {
  sandbox: { ...REAL_ACCOUNT, rate: 50, concurrency: 16, backoffBaseMs: 500 },
  test: { ...REAL_ACCOUNT },
  production: { ...REAL_ACCOUNT },
}

/** `strict-success` | `strict` | `off` as the CLI and settings name them. */
export function parseToggle(value: string | undefined, env: RunEnv): FeatureToggle | null | undefined {
  if (value === undefined) return undefined
  switch (value) {
    case 'strict-success':
    case 'strict-success-merchant-reference':
      return 'strict-success-merchant-reference'
    case 'strict':
    case 'strict-merchant-reference':
      return 'strict-merchant-reference'
    case 'off':
      if (env !== 'sandbox') {
        throw new AppError(
          'usage',
          'Duplicate protection (--toggle) can be turned off only in the sandbox.',
          { message_nb: 'Duplikatvernet kan bare slås av i sandkassen.', exitCode: 2 },
        )
      }
      return null
    default:
      throw new AppError('usage', `--toggle must be strict-success, strict or off, got "${value}".`, {
        exitCode: 2,
      })
  }
}

/** Fills in the environment's defaults and enforces the rules no setting may break. */
export function resolveSettings(env: RunEnv, partial: Partial<BatchSettings> = {}): BatchSettings {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined))
  const s: BatchSettings = { ...DEFAULT_SETTINGS[env], ...defined }
  if (s.toggle === null && env !== 'sandbox') {
    throw new AppError('usage', 'Duplicate protection can be turned off only in the sandbox.', {
      exitCode: 2,
    })
  }
  if (!(s.rate > 0)) throw new AppError('usage', 'The rate must be above 0 requests per second.')
  if (!Number.isInteger(s.concurrency) || s.concurrency < 1) {
    throw new AppError('usage', 'The concurrency must be a whole number of at least 1.')
  }
  if (s.transientTries !== undefined && (!Number.isInteger(s.transientTries) || s.transientTries < 1)) {
    throw new AppError('usage', 'The transient tries must be a whole number of at least 1.')
  }
  if (s.canary !== null && (!Number.isInteger(s.canary) || s.canary < 1)) {
    throw new AppError('usage', 'The canary must be a whole number of at least 1.')
  }
  return s
}
