import { AppError } from '../../shared/errors'
import type { EnvironmentsDeps } from './environments'

/** The real Dintero client and the in-process sandbox, wired in once those modules land. */
export const realConnectors: Pick<EnvironmentsDeps, 'createClient' | 'startSandbox'> = {
  createClient() {
    throw new AppError('not_ready', 'The Dintero client is not part of this build yet.')
  },
  async startSandbox() {
    throw new AppError('not_ready', 'The sandbox is not part of this build yet.')
  },
}
