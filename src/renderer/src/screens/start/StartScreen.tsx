import type { RouteOf } from '../../app/routes'
import { useT } from '../../i18n/I18nProvider'

export function StartScreen(_: { route: RouteOf<'start'> }) {
  const t = useT()
  return (
    <main className="screen" data-testid="start-screen">
      <h1 tabIndex={-1}>{t('start.title')}</h1>
    </main>
  )
}
