import type { EnvironmentKind } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { FeatureToggle } from '../../shared/kravia'
import type { DinteroApi } from '../dintero/types'
import type { Logger } from '../log'
import type { SettingsStore } from '../settings/store'
import { effectiveToggle, SANDBOX_LABEL } from '../settings/values'
import type { Connector } from './connect'

/**
 * Which Dintero the app talks to: the environment chosen in Settings, through the app's connector
 * (credentials from the secret store; the in-process sandbox by default). Main builds clients
 * here; the renderer never sees secrets.
 */

export interface EnvironmentsDeps {
  settings: SettingsStore
  log: Logger
  connector: Connector
}

export interface Connection {
  kind: EnvironmentKind
  accountId: string
  baseUrl: string
  label: { en: string; nb: string }
  toggle: FeatureToggle | null
  api: DinteroApi
}

export interface Environments {
  /** A client for the environment chosen in Settings. */
  active(): Promise<Connection>
  forKind(kind: EnvironmentKind): Promise<Connection>
  /**
   * A client for a stored batch: the batch keeps sending to where it was planned. A sandbox batch
   * follows the sandbox to its new port; a real one needs that same account's credentials.
   */
  forBatch(batch: { env: EnvironmentKind; account: string }): Promise<Connection>
  /** The sandbox's current base URL (it gets a new port each start), starting it if needed. */
  sandboxUrl(): Promise<string>
  testConnection(kind: EnvironmentKind): Promise<{ ok: boolean; message: string; message_nb: string }>
  close(): Promise<void>
}

const LABELS: Record<'test' | 'production', { en: string; nb: string }> = {
  test: { en: 'Test — Dintero test account', nb: 'Test — Dinteros testkonto' },
  production: { en: 'Production — real invoices are sent', nb: 'Produksjon — ekte fakturaer sendes' },
}

export function createEnvironments(deps: EnvironmentsDeps): Environments {
  const forKind = async (kind: EnvironmentKind): Promise<Connection> => {
    const toggle = effectiveToggle(kind, deps.settings.defaults().toggle)
    const { accountId, baseUrl, api } = await deps.connector.connect({ kind })
    const label = kind === 'sandbox' ? SANDBOX_LABEL : LABELS[kind]
    return { kind, accountId, baseUrl, label, toggle, api }
  }

  return {
    forKind,
    async forBatch(batch) {
      const conn = await forKind(batch.env)
      if (conn.accountId !== batch.account) {
        throw new AppError(
          'account_changed',
          `This batch was sent with account ${batch.account}, but the stored ${batch.env} credentials are for ${conn.accountId}.`,
          {
            message_nb: `Kjøringen ble sendt med konto ${batch.account}, men de lagrede nøklene for ${batch.env} gjelder ${conn.accountId}.`,
          },
        )
      }
      return conn
    },
    active: () => forKind(deps.settings.environment()),
    sandboxUrl: () => deps.connector.sandboxUrl(),
    async testConnection(kind) {
      try {
        const conn = await forKind(kind)
        await conn.api.checkConnection(AbortSignal.timeout(15_000))
        return {
          ok: true,
          message: `Connected to ${conn.label.en.split(' — ')[0]} as ${conn.accountId}.`,
          message_nb: `Tilkoblet ${conn.label.nb.split(' — ')[0]} som ${conn.accountId}.`,
        }
      } catch (e) {
        // Only the error's own message is shown: the client never puts credentials in messages.
        const message = e instanceof Error ? e.message : String(e)
        deps.log.warn(`test connection to ${kind} failed`, { message })
        const nb = e instanceof AppError && e.options.message_nb ? e.options.message_nb : message
        return {
          ok: false,
          message: `Connection failed: ${message}`,
          message_nb: `Tilkoblingen feilet: ${nb}`,
        }
      }
    },
    close: () => deps.connector.close(),
  }
}
