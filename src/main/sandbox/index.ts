/** The built-in Dintero sandbox: what the app, the CLI and the tests import. */
export { NO_FAULTS, type SandboxFaults, seededRandom } from './faults'
export { type Sandbox, type SandboxOptions, type SandboxStats, startSandbox } from './server'
