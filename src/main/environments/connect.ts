import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { accountEnvironment, createDinteroClient, DINTERO_BASE_URL, type DinteroClient } from '../dintero'
import { SANDBOX_CREDENTIALS, SANDBOX_FILE } from './environments'
import { checkApiUrl } from '../after-send/client'
import type { RunEnv } from '../journal/types'

export interface RunConnection {
  api: DinteroClient
  baseUrl: string
  account: string
  close(): Promise<void>
}

export interface ConnectOptions {
  env: RunEnv
  /** Required for test/production (T… / P…); the sandbox's own account by default. */
  account?: string
  /** `--api-url`: loopback only (a `sim` started elsewhere, or a test's sandbox). */
  apiUrl?: string
  dataDir: string
  processEnv: NodeJS.ProcessEnv
}

/**
 * A client for a new run (the CLI's submit). Test/production credentials come only from
 * DINTERO_CLIENT_ID / DINTERO_CLIENT_SECRET — never argv, never stored. The sandbox without
 * --api-url is the built-in one, started in this process on its data-dir file (so later commands
 * find its invoices) and stopped by `close`.
 */
export async function connectForRun(o: ConnectOptions): Promise<RunConnection> {
  const override = o.apiUrl === undefined ? undefined : checkApiUrl(o.apiUrl)
  if (o.env === 'sandbox') {
    const account = o.account ?? SANDBOX_CREDENTIALS.accountId
    accountEnvironment(account)
    let baseUrl = override
    let stop = async () => {}
    if (!baseUrl) {
      const { startSandbox } = await import('../sandbox')
      const sb = await startSandbox({ dataFile: join(o.dataDir, SANDBOX_FILE), accountId: account })
      baseUrl = sb.baseUrl
      stop = () => sb.close()
    }
    const api = createDinteroClient({
      baseUrl,
      accountId: account,
      clientId: SANDBOX_CREDENTIALS.clientId,
      clientSecret: SANDBOX_CREDENTIALS.clientSecret,
    })
    const close = async () => {
      api.close()
      await stop()
    }
    return { api, baseUrl, account, close }
  }
  const account = o.account
  if (!account) {
    throw new AppError(
      'usage',
      `--env ${o.env} needs --account (${o.env === 'test' ? 'T' : 'P'} followed by 8 digits).`,
      {
        exitCode: 2,
      },
    )
  }
  if (accountEnvironment(account) !== o.env) {
    throw new AppError(
      'usage',
      `Account ${account} is not a ${o.env} account (test accounts start with T, production with P).`,
      {
        message_nb: `Konto ${account} er ikke en ${o.env === 'test' ? 'test' : 'produksjons'}konto.`,
        exitCode: 2,
      },
    )
  }
  const clientId = o.processEnv.DINTERO_CLIENT_ID
  const clientSecret = o.processEnv.DINTERO_CLIENT_SECRET
  if (!clientId || !clientSecret) {
    throw new AppError(
      'credentials_missing',
      `Set DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET for the ${o.env} account ${account}.`,
      {
        message_nb: `Sett DINTERO_CLIENT_ID og DINTERO_CLIENT_SECRET for ${o.env}-kontoen ${account}.`,
        exitCode: 2,
      },
    )
  }
  const baseUrl = override ?? DINTERO_BASE_URL
  const api = createDinteroClient({ baseUrl, accountId: account, clientId, clientSecret })
  return { api, baseUrl, account, close: async () => api.close() }
}
