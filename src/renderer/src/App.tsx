import { useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/contract'

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    window.api.app.info({}).then((r) => (r.ok ? setInfo(r.value) : setError(r.error.message)))
  }, [])
  return (
    <main data-testid="start-screen">
      <h1>Kravia Batch</h1>
      {info && <p data-testid="env-badge">{info.environment}</p>}
      {error && <p role="alert">{error}</p>}
    </main>
  )
}
