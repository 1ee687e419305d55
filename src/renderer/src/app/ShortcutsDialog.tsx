import { Button } from '../components/Button'
import { Dialog } from '../components/Dialog'
import type { MessageKey } from '../i18n/catalog'
import { useT } from '../i18n/I18nProvider'

/** Every shortcut the app answers to, so the keyboard path is discoverable from the UI itself. */
export const shortcuts: { keys: string; what: MessageKey }[] = [
  { keys: 'Ctrl+O', what: 'common.shortcutOpen' },
  { keys: 'Alt+1 / Alt+2 / Alt+3', what: 'common.shortcutNav' },
  { keys: 'F8 / Ctrl+.', what: 'common.shortcutNextProblem' },
  { keys: 'Shift+F8', what: 'common.shortcutPrevProblem' },
  { keys: 'Esc', what: 'common.shortcutEscape' },
  { keys: 'F1 / ?', what: 'common.shortcutHelp' },
]

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <Dialog
      open={open}
      title={t('common.shortcutsTitle')}
      onClose={onClose}
      testId="shortcuts-dialog"
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <dl className="shortcut-list">
        {shortcuts.map((s) => (
          <div key={s.keys}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{t(s.what)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
