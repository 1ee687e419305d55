import { createDinteroClient } from '../dintero'
import type { ConnectorDeps } from './connect'

/**
 * The real Dintero client and the in-process sandbox. The sandbox's code is loaded only when a
 * sandbox is started, so a test or production command never pays for it.
 */
export const realConnectors: Pick<ConnectorDeps, 'createClient' | 'startSandbox'> = {
  createClient: (config) => createDinteroClient(config),
  startSandbox: async (options) => {
    const { startSandbox } = await import('../sandbox')
    return startSandbox({ port: 0, dataFile: options.dataFile, accountId: options.accountId })
  },
}
