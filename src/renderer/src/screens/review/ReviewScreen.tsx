import type { RouteOf } from '../../app/routes'
import { useT } from '../../i18n/I18nProvider'

export function ReviewScreen({ route }: { route: RouteOf<'review'> }) {
  const t = useT()
  return (
    <main className="screen" data-testid="review-screen" data-session={route.sessionId}>
      <h1 tabIndex={-1}>{t('review.title')}</h1>
    </main>
  )
}
