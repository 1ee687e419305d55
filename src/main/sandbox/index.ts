/** The built-in Dintero sandbox: what the app, the CLI and the tests import. */
export { NO_FAULTS, type SandboxFaults, seededRandom } from './faults'
export { type Sandbox, type SandboxOptions, type SandboxStats, startSandbox } from './server'

/** The sandbox's state file name inside the app's data dir (the app's own journal is separate). */
export const SANDBOX_DB_FILE = 'dintero-sandbox.sqlite'
