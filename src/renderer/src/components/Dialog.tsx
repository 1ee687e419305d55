import { type ReactNode, useEffect, useId, useRef } from 'react'
import { useT } from '../i18n/I18nProvider'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

interface Props {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons at the bottom; the first focusable element inside gets focus on open. */
  footer?: ReactNode
  testId?: string
  wide?: boolean
}

/**
 * A modal built on <dialog>.showModal(): the page behind is inert, Escape closes (through the
 * native cancel event), Tab and Shift+Tab wrap inside, and focus returns to where it was.
 */
export function Dialog({ open, title, onClose, children, footer, testId, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const t = useT()
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dlg = ref.current
    if (!dlg || !open) return
    const before = document.activeElement as HTMLElement | null
    if (!dlg.open) dlg.showModal()
    const first = dlg.querySelector<HTMLElement>(`.dialog-body ${FOCUSABLE}, .dialog-footer ${FOCUSABLE}`)
    first?.focus()
    return () => {
      if (dlg.open) dlg.close()
      before?.focus?.()
    }
  }, [open])

  if (!open) return null
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault()
        closeRef.current()
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Tab') return
        const items = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])
        if (items.length === 0) return
        const first = items[0]
        const last = items[items.length - 1]
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault()
          last.focus()
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault()
          first.focus()
        }
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="btn btn-ghost dialog-x"
          aria-label={t('common.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  )
}
