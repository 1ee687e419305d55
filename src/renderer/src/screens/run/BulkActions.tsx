import { useState } from 'react'
import type { Selection, SelectionPreview } from '../../../../shared/contract'
import { useApi } from '../../app/use-api'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { MenuButton } from '../../components/MenuButton'
import { useToast } from '../../components/Toast'
import { useI18n } from '../../i18n/I18nProvider'

export type ActionKind = 'void' | 'capture'
type Kind = ActionKind

/** Lets other parts of the screen (the row drawer) start the same confirm-then-act flow. */
export type AskAction = (kind: ActionKind, selection: Selection) => void

interface Props {
  batchId: string
  selectedIds: number[]
  canCapture: boolean
  /** While the run is still sending or paused, its own controls are the next step, not these. */
  runOpen: boolean
  onDone: () => void
  askRef?: { current: AskAction | null }
}

/**
 * Void and capture for a selection or for every eligible row. Voiding everything is rare and
 * final, so it sits in the "More actions" menu rather than beside the run's next step. Main first
 * says which rows are eligible and their total; the confirmation names that count and amount, and
 * only those ids are sent.
 */
export function BulkActions({ batchId, selectedIds, canCapture, runOpen, onDone, askRef }: Props) {
  const { t, money, num } = useI18n()
  const { api, call } = useApi()
  const toast = useToast()
  const [pending, setPending] = useState<{ kind: Kind; preview: SelectionPreview } | null>(null)
  const [busy, setBusy] = useState(false)

  const ask = async (kind: Kind, selection: Selection) => {
    const op = kind === 'void' ? api.runs.previewVoid : api.runs.previewCapture
    const preview = await call(op({ batchId, selection }))
    if (!preview) return
    if (preview.count === 0) {
      toast.show({ kind: 'info', text: t(kind === 'void' ? 'run.voidNone' : 'run.captureNone') })
      return
    }
    setPending({ kind, preview })
  }
  if (askRef) askRef.current = (kind, selection) => void ask(kind, selection)

  const confirm = async () => {
    if (!pending) return
    setBusy(true)
    const { kind, preview } = pending
    const op = kind === 'void' ? api.runs.void : api.runs.capture
    const r = await call(op({ batchId, ids: preview.ids }))
    setBusy(false)
    setPending(null)
    if (r) {
      toast.show({
        kind: r.failed ? 'error' : 'success',
        text: t(kind === 'void' ? 'run.voidDone' : 'run.captureDone', {
          done: num(r.done),
          failed: num(r.failed),
        }),
      })
      onDone()
    }
  }

  const sel: Selection | null = selectedIds.length ? { ids: selectedIds } : null
  const one = pending?.preview.count === 1
  const vars: Record<string, string> = pending
    ? { count: num(pending.preview.count), amount: money(pending.preview.amount) }
    : {}
  return (
    // A group, not a toolbar: each button is its own Tab stop (a toolbar promises arrow-key roving).
    <fieldset className="run-bulk" aria-label={t('run.bulkActions')}>
      {sel && (
        <Button onClick={() => ask('void', sel)} data-testid="void-selected">
          {t('run.voidSelected')}
        </Button>
      )}
      {sel && canCapture && (
        <Button onClick={() => ask('capture', sel)} data-testid="capture-selected">
          {t('run.captureSelected')}
        </Button>
      )}
      {canCapture && (
        <Button
          variant={runOpen ? 'secondary' : 'primary'}
          onClick={() => ask('capture', { all: true })}
          data-testid="capture-all"
        >
          {t('run.captureAll')}
        </Button>
      )}
      <MenuButton
        label={t('run.moreActions')}
        testId="more-actions"
        items={[
          {
            id: 'void-all',
            label: t('run.voidAll'),
            danger: true,
            onSelect: () => ask('void', { all: true }),
          },
        ]}
      />
      <Dialog
        open={pending !== null}
        title={t(pending?.kind === 'capture' ? 'run.captureTitle' : 'run.voidTitle')}
        onClose={() => setPending(null)}
        testId="action-dialog"
        footer={
          <>
            <Button onClick={() => setPending(null)}>{t('common.cancel')}</Button>
            <Button
              variant={pending?.kind === 'void' ? 'danger' : 'primary'}
              onClick={confirm}
              disabled={busy}
              data-testid="action-confirm"
            >
              {t(
                pending?.kind === 'capture'
                  ? one
                    ? 'run.captureConfirmOne'
                    : 'run.captureConfirm'
                  : one
                    ? 'run.voidConfirmOne'
                    : 'run.voidConfirm',
                vars,
              )}
            </Button>
          </>
        }
      >
        <p data-testid="action-summary">
          {t(
            pending?.kind === 'capture'
              ? one
                ? 'run.captureBodyOne'
                : 'run.captureBody'
              : one
                ? 'run.voidBodyOne'
                : 'run.voidBody',
            vars,
          )}
        </p>
      </Dialog>
    </fieldset>
  )
}
