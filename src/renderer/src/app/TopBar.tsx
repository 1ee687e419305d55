import type { EnvironmentKind } from '../../../shared/contract'
import type { MessageKey } from '../i18n/catalog'
import { useI18n } from '../i18n/I18nProvider'
import { useAppInfo } from './app-info'
import { useNavigate, useRoute } from './navigation'
import { navSection } from './routes'

const envLabel: Record<EnvironmentKind, MessageKey> = {
  sandbox: 'common.envSandbox',
  test: 'common.envTest',
  production: 'common.envProduction',
}

/** The environment is always visible, colour-coded, so nobody sends to production by mistake. */
const envShort: Record<EnvironmentKind, MessageKey> = {
  sandbox: 'common.envSandboxShort',
  test: 'common.envTestShort',
  production: 'common.envProductionShort',
}

export function EnvBadge({ env, short }: { env: EnvironmentKind; short?: boolean }) {
  const { t } = useI18n()
  return (
    <span
      className={`env-badge env-${env}`}
      data-testid={short ? undefined : 'env-badge'}
      data-env={env}
      title={short ? t(envLabel[env]) : undefined}
    >
      {t(short ? envShort[env] : envLabel[env])}
    </span>
  )
}

export function TopBar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { t, lang, setLang } = useI18n()
  const { info } = useAppInfo()
  const navigate = useNavigate()
  const section = navSection(useRoute().screen)
  const tabs = [
    { id: 'start', label: t('common.navStart'), key: 'Alt+1', go: () => navigate({ screen: 'start' }) },
    { id: 'history', label: t('common.navHistory'), key: 'Alt+2', go: () => navigate({ screen: 'history' }) },
    {
      id: 'settings',
      label: t('common.navSettings'),
      key: 'Alt+3',
      go: () => navigate({ screen: 'settings' }),
    },
  ] as const
  return (
    <header className="topbar">
      <span className="brand">{t('common.appName')}</span>
      <nav aria-label={t('common.navMain')} className="topnav">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            className={`topnav-item${section === tab.id ? ' topnav-current' : ''}`}
            aria-current={section === tab.id ? 'page' : undefined}
            aria-keyshortcuts={tab.key}
            data-testid={`nav-${tab.id}`}
            onClick={tab.go}
          >
            {tab.label}
          </button>
        ))}
      </nav>
      <div className="topbar-end">
        {info && <EnvBadge env={info.environment} />}
        <label className="lang-switch">
          <span className="visually-hidden">{t('common.language')}</span>
          <select
            value={lang}
            onChange={(e) => setLang(e.target.value === 'nb' ? 'nb' : 'en')}
            data-testid="language-select"
          >
            <option value="nb">{t('common.langNb')}</option>
            <option value="en">{t('common.langEn')}</option>
          </select>
        </label>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={onShowShortcuts}
          aria-keyshortcuts="F1"
          data-testid="shortcuts-button"
        >
          {t('common.shortcuts')}
        </button>
      </div>
    </header>
  )
}
