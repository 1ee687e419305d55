import type { RouteOf } from '../../app/routes'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import { useToast } from '../../components/Toast'
import { useT } from '../../i18n/I18nProvider'
import { Drafts } from './Drafts'
import { DropZone } from './DropZone'
import { RecentBatches } from './RecentBatches'

export function StartScreen(_: { route: RouteOf<'start'> }) {
  const t = useT()
  const { api, call } = useApi()
  const toast = useToast()
  const saveTemplate = async (format: 'csv' | 'xlsx') => {
    const r = await call(api.template.save({ format }))
    if (r?.path) toast.show({ kind: 'success', text: t('start.templateSaved', { path: r.path }) })
  }
  return (
    <main className="screen" data-testid="start-screen">
      <h1 tabIndex={-1}>{t('start.title')}</h1>
      <p className="muted intro">{t('start.intro')}</p>
      <div className="start-grid">
        <DropZone />
        <section className="panel" aria-labelledby="template-title">
          <h2 id="template-title">{t('start.templateTitle')}</h2>
          <p>{t('start.templateText')}</p>
          <div className="row">
            <Button onClick={() => void saveTemplate('xlsx')} data-testid="template-xlsx">
              {t('start.templateXlsx')}
            </Button>
            <Button onClick={() => void saveTemplate('csv')} data-testid="template-csv">
              {t('start.templateCsv')}
            </Button>
          </div>
        </section>
      </div>
      <div className="stack start-lists">
        <Drafts />
        <RecentBatches />
      </div>
    </main>
  )
}
