import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { IpcError, IpcResult } from '../../../shared/ipc'
import { useToast } from '../components/Toast'
import type { Lang } from '../i18n/define'
import { useI18n } from '../i18n/I18nProvider'

/** The user-facing text of an error from main, in the UI's language when main gave one. */
export function errorText(error: IpcError, lang: Lang): string {
  return lang === 'nb' && error.message_nb ? error.message_nb : error.message
}

export interface ApiHandle {
  api: Api
  /** Unwraps a result; on failure shows the error as a toast (unless quiet) and returns undefined. */
  call: <T>(pending: Promise<IpcResult<T>>, options?: { quiet?: boolean }) => Promise<T | undefined>
  errorText: (error: IpcError) => string
}

export function useApi(): ApiHandle {
  const toast = useToast()
  const { lang } = useI18n()
  return useMemo<ApiHandle>(
    () => ({
      api: window.api,
      errorText: (e) => errorText(e, lang),
      call: async (pending, options) => {
        let r: IpcResult<unknown>
        try {
          r = await pending
        } catch (e) {
          // A transport failure (window closing, bridge gone) is not an app error; say so once.
          r = { ok: false, error: { code: 'transport', message: String(e) } }
        }
        if (r.ok) return r.value as never
        if (!options?.quiet) toast.show({ kind: 'error', text: errorText(r.error, lang) })
        return undefined
      },
    }),
    [toast, lang],
  )
}

export interface Resource<T> {
  data: T | undefined
  error: IpcError | null
  loading: boolean
  reload: () => void
}

/** Loads once per `deps` change; an older answer arriving late never overwrites a newer one. */
export function useResource<T>(
  load: (api: Api) => Promise<IpcResult<T>>,
  deps: readonly unknown[],
): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: IpcError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  })
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's, plus the reload tick
  useEffect(() => {
    const mine = ++seq.current
    setState((s) => ({ ...s, loading: true }))
    loadRef
      .current(window.api)
      .catch((e: unknown): IpcResult<T> => ({ ok: false, error: { code: 'transport', message: String(e) } }))
      .then((r) => {
        if (mine !== seq.current) return
        setState(
          r.ok
            ? { data: r.value, error: null, loading: false }
            : { data: undefined, error: r.error, loading: false },
        )
      })
  }, [...deps, tick])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { ...state, reload }
}
