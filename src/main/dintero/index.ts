/** The Dintero Checkout client: what the rest of the app imports. */
export { validateCallbackUrl } from '../../shared/kravia-schema'
export { type DinteroClient, type DinteroClientOptions, createDinteroClient } from './client'
export { accountEnvironment, DINTERO_BASE_URL, normalizeBaseUrl } from './config'
export { extractKraviaDetails } from './details'
export * from './types'
