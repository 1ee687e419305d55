import type { AreaHandlers, HandlerContext } from './context'
import { importRuntimeFor } from './import-runtime'

/** Unsaved imports kept across window closes: listed on Start, resumed where they were left. */
export function draftsHandlers(ctx: HandlerContext): AreaHandlers<'drafts'> {
  const { sessions } = importRuntimeFor(ctx)
  return {
    'drafts:list': () => sessions.drafts(),
    'drafts:resume': ({ sessionId }) => sessions.info(sessions.get(sessionId)),
    'drafts:discard': ({ sessionId }) => ({ discarded: sessions.close(sessionId) }),
  }
}
