import type { RouteOf } from '../../app/routes'
import { useT } from '../../i18n/I18nProvider'

export function ReadScreen({ route }: { route: RouteOf<'read'> }) {
  const t = useT()
  return (
    <main className="screen" data-testid="read-screen" data-session={route.sessionId}>
      <h1 tabIndex={-1}>{t('read.title')}</h1>
    </main>
  )
}
