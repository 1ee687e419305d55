import type { RouteOf } from '../../app/routes'
import { useT } from '../../i18n/I18nProvider'

export function PlanScreen({ route }: { route: RouteOf<'plan'> }) {
  const t = useT()
  return (
    <main className="screen" data-testid="plan-screen" data-session={route.sessionId}>
      <h1 tabIndex={-1}>{t('plan.title')}</h1>
    </main>
  )
}
