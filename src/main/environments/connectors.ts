import { createDinteroClient } from '../dintero'
import { startSandbox } from '../sandbox'
import type { EnvironmentsDeps } from './environments'

/** The real Dintero client and the in-process sandbox (the app's default environment). */
export const realConnectors: Pick<EnvironmentsDeps, 'createClient' | 'startSandbox'> = {
  createClient: (config) => createDinteroClient(config),
  startSandbox: (options) => startSandbox({ port: 0, dataFile: options.dataFile }),
}
