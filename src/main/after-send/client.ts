import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { isLoopbackHost } from '../../shared/kravia-schema'
import { createDinteroClient, type DinteroClient } from '../dintero'
import { normalizeBaseUrl } from '../dintero/config'
import { SANDBOX_CREDENTIALS, SANDBOX_FILE } from '../environments/environments'
import type { Batch } from '../journal/types'

/**
 * A Dintero client for a stored batch, for the CLI's after-sending commands (the app uses its
 * Environments, which read the secret store). Test and production credentials come only from
 * DINTERO_CLIENT_ID / DINTERO_CLIENT_SECRET; a sandbox batch uses the sandbox's fixed
 * credentials and, without --api-url, the built-in sandbox on its data-dir file (the one the
 * batch was sent to), started here on a fresh port and stopped by `close`.
 */

export interface BatchConnection {
  api: DinteroClient
  baseUrl: string
  close(): Promise<void>
}

export interface ClientForBatchOptions {
  env: NodeJS.ProcessEnv
  dataDir: string
  /** `--api-url`: a loopback base that replaces the stored one (a sandbox on a new port). */
  apiUrl?: string
  timeoutMs?: number
}

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

export async function clientForBatch(batch: Batch, options: ClientForBatchOptions): Promise<BatchConnection> {
  const override = options.apiUrl === undefined ? undefined : checkApiUrl(options.apiUrl)
  const timeoutMs = options.timeoutMs ?? 30_000
  if (batch.env === 'sandbox') {
    let baseUrl = override
    let stop = async () => {}
    if (!baseUrl) {
      // Loaded only here: a test/production command never pays for the sandbox's code.
      const { startSandbox } = await import('../sandbox')
      const sandbox = await startSandbox({
        dataFile: join(options.dataDir, SANDBOX_FILE),
        accountId: batch.account,
      })
      baseUrl = sandbox.baseUrl
      stop = () => sandbox.close()
    }
    const api = createDinteroClient({
      baseUrl,
      accountId: batch.account,
      clientId: SANDBOX_CREDENTIALS.clientId,
      clientSecret: SANDBOX_CREDENTIALS.clientSecret,
      timeoutMs,
    })
    return {
      api,
      baseUrl,
      close: async () => {
        api.close()
        await stop()
      },
    }
  }
  const clientId = options.env.DINTERO_CLIENT_ID
  const clientSecret = options.env.DINTERO_CLIENT_SECRET
  if (!clientId || !clientSecret) {
    throw new AppError(
      'credentials_missing',
      `Batch ${batch.id} was sent to the ${batch.env} account ${batch.account}: set DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET for it.`,
      {
        message_nb: `Kjøring ${batch.id} ble sendt til ${batch.env}-kontoen ${batch.account}: sett DINTERO_CLIENT_ID og DINTERO_CLIENT_SECRET.`,
        exitCode: 2,
      },
    )
  }
  const baseUrl = override ?? normalizeBaseUrl(batch.base_url)
  const api = createDinteroClient({ baseUrl, accountId: batch.account, clientId, clientSecret, timeoutMs })
  return {
    api,
    baseUrl,
    close: async () => api.close(),
  }
}
