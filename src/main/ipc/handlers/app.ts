import { PRODUCT_NAME } from '../../paths'
import type { AreaHandlers, HandlerContext } from './context'

export function appHandlers(ctx: HandlerContext): AreaHandlers<'app'> {
  return {
    'app:info': () => ({
      name: PRODUCT_NAME,
      version: ctx.version,
      // Until an account is connected (settings area), the app runs against the local sandbox.
      environment: 'sandbox',
      account: 'Sandbox',
      dataDir: ctx.dataDir,
      locale: ctx.system.locale(),
      theme: ctx.system.theme(),
    }),
    'app:ping': ({ message }) => ({ echo: message, at: ctx.clock().toISOString() }),
  }
}
