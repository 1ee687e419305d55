import type { RouteOf } from '../../app/routes'
import { useT } from '../../i18n/I18nProvider'

export function MapScreen({ route }: { route: RouteOf<'map'> }) {
  const t = useT()
  return (
    <main className="screen" data-testid="map-screen" data-session={route.sessionId}>
      <h1 tabIndex={-1}>{t('map.title')}</h1>
    </main>
  )
}
