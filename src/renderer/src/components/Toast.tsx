import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react'
import { useT } from '../i18n/I18nProvider'

export interface ToastMessage {
  kind: 'error' | 'info' | 'success'
  text: string
}

interface ToastApi {
  show: (message: ToastMessage) => void
}

const ToastContext = createContext<ToastApi | null>(null)

/**
 * Transient messages in a live region at the bottom. Errors stay until dismissed (a user who
 * looked away must still see them); others fade after a few seconds.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<(ToastMessage & { id: number })[]>([])
  const next = useRef(1)
  const t = useT()
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), [])
  const show = useCallback(
    (m: ToastMessage) => {
      const id = next.current++
      setItems((xs) => [...xs.slice(-4), { ...m, id }])
      if (m.kind !== 'error') setTimeout(() => dismiss(id), 5000)
    },
    [dismiss],
  )
  const api = useMemo(() => ({ show }), [show])
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" data-testid="toasts">
        {items.map((m) => (
          <div key={m.id} className={`toast toast-${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
            <span>{m.text}</span>
            <button
              type="button"
              className="btn btn-ghost"
              aria-label={t('common.dismiss')}
              onClick={() => dismiss(m.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToast(): ToastApi {
  const v = useContext(ToastContext)
  if (!v) throw new Error('useToast outside ToastProvider')
  return v
}
