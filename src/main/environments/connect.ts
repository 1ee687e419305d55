import { join } from 'node:path'
import type { EnvironmentKind } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { isLoopbackHost } from '../../shared/kravia-schema'
import { accountEnvironment, DINTERO_BASE_URL, normalizeBaseUrl } from '../dintero/config'
import type { DinteroApi } from '../dintero/types'

/**
 * The one way to reach Dintero. An environment (sandbox, test or production, and for test and
 * production the account) plus a credential source give a client: the app's source is the secret
 * store, the CLI's the process environment (DINTERO_CLIENT_ID / DINTERO_CLIENT_SECRET, never argv).
 * The sandbox is the in-process one, started on a loopback port with its file in the data dir (so
 * its invoices survive a restart) when first needed, and stopped when the connector closes.
 */

/** The sandbox's fixed, non-secret credentials (see docs/sandbox.md). */
export const SANDBOX_CREDENTIALS = { accountId: 'T12345678', clientId: 'sandbox', clientSecret: 'sandbox' }
export const SANDBOX_FILE = 'sandbox.sqlite'

export interface Credentials {
  accountId: string
  clientId: string
  clientSecret: string
}

export interface ClientConfig extends Credentials {
  baseUrl: string
}

/** Where test and production credentials come from. */
export interface CredentialSource {
  /**
   * The credentials for `kind`; `account` is the account asked for (a stored batch's, or the CLI's
   * `--account`). Throws one clear sentence when there are none, or none for that account.
   */
  credentials(kind: 'test' | 'production', account: string | undefined): Credentials
}

export interface SandboxServer {
  baseUrl: string
  close(): Promise<void>
}

export interface ConnectorDeps {
  dataDir: string
  credentials: CredentialSource
  createClient(config: ClientConfig): DinteroApi & { close?(): void }
  startSandbox(options: { dataFile: string; accountId: string }): Promise<SandboxServer>
}

export interface Environment {
  kind: EnvironmentKind
  /** The account asked for; the sandbox's own, or the credential source's, when absent. */
  account?: string
  /** Replaces Dintero's address: a loopback `--api-url`, or where a stored batch was sent. */
  baseUrl?: string
}

export interface Connection {
  kind: EnvironmentKind
  accountId: string
  baseUrl: string
  api: DinteroApi
  /** Lets the client's sockets go (the sandbox stays up until the connector closes). */
  close(): void
}

export interface Connector {
  connect(environment: Environment): Promise<Connection>
  /** The sandbox's current base URL (it gets a new port each start), starting it if needed. */
  sandboxUrl(): Promise<string>
  close(): Promise<void>
}

/**
 * The app's credentials: the secret store, for the one account stored per environment (the app
 * checks a stored batch's account against it, so the account asked for is not needed here).
 */
export function secretStoreCredentials(store: {
  credentials(kind: 'test' | 'production'): Credentials | null
}): CredentialSource {
  return {
    credentials(kind) {
      const creds = store.credentials(kind)
      if (!creds) {
        const name = kind === 'test' ? 'Test' : 'Production'
        throw new AppError('credentials_missing', `No credentials are stored for the ${name} environment.`, {
          message_nb: `Ingen kontoopplysninger er lagret for ${kind === 'test' ? 'Test' : 'Produksjon'}.`,
        })
      }
      return creds
    },
  }
}

/** The CLI's credentials: DINTERO_CLIENT_ID / DINTERO_CLIENT_SECRET for the account it names. */
export function processEnvCredentials(env: NodeJS.ProcessEnv): CredentialSource {
  return {
    credentials(kind, account) {
      if (!account) {
        throw new AppError(
          'usage',
          `--env ${kind} needs --account (${kind === 'test' ? 'T' : 'P'} followed by 8 digits).`,
          { exitCode: 2 },
        )
      }
      if (accountEnvironment(account) !== kind) {
        throw new AppError(
          'usage',
          `Account ${account} is not a ${kind} account (test accounts start with T, production with P).`,
          {
            message_nb: `Konto ${account} er ikke en ${kind === 'test' ? 'test' : 'produksjons'}konto.`,
            exitCode: 2,
          },
        )
      }
      const clientId = env.DINTERO_CLIENT_ID
      const clientSecret = env.DINTERO_CLIENT_SECRET
      if (!clientId || !clientSecret) {
        throw new AppError(
          'credentials_missing',
          `Set DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET for the ${kind} account ${account}.`,
          {
            message_nb: `Sett DINTERO_CLIENT_ID og DINTERO_CLIENT_SECRET for ${kind}-kontoen ${account}.`,
            exitCode: 2,
          },
        )
      }
      return { accountId: account, clientId, clientSecret }
    },
  }
}

/** `--api-url`: only this machine (a `sim` started elsewhere, or a test's sandbox). */
export function checkApiUrl(raw: string): string {
  const base = normalizeBaseUrl(raw)
  if (!isLoopbackHost(new URL(base).hostname)) {
    throw new AppError(
      'usage',
      `--api-url must point at this machine (http://127.0.0.1:PORT), got "${raw}".`,
      {
        exitCode: 2,
      },
    )
  }
  return base
}

export function createConnector(deps: ConnectorDeps): Connector {
  let sandbox: Promise<SandboxServer> | null = null
  const startSandbox = (accountId: string) => {
    sandbox ??= deps
      .startSandbox({ dataFile: join(deps.dataDir, SANDBOX_FILE), accountId })
      .catch((e: unknown) => {
        sandbox = null
        throw e
      })
    return sandbox
  }

  const open = (kind: EnvironmentKind, config: ClientConfig): Connection => {
    const api = deps.createClient(config)
    return { kind, accountId: config.accountId, baseUrl: config.baseUrl, api, close: () => api.close?.() }
  }

  return {
    async connect({ kind, account, baseUrl }) {
      if (kind === 'sandbox') {
        const accountId = account ?? SANDBOX_CREDENTIALS.accountId
        accountEnvironment(accountId)
        const base = baseUrl ?? (await startSandbox(accountId)).baseUrl
        return open(kind, { ...SANDBOX_CREDENTIALS, accountId, baseUrl: base })
      }
      const creds = deps.credentials.credentials(kind, account)
      return open(kind, { ...creds, baseUrl: normalizeBaseUrl(baseUrl ?? DINTERO_BASE_URL) })
    },
    sandboxUrl: async () => (await startSandbox(SANDBOX_CREDENTIALS.accountId)).baseUrl,
    async close() {
      const s = sandbox
      sandbox = null
      if (s) await (await s.catch(() => null))?.close()
    },
  }
}
