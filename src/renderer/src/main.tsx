import { z } from 'zod'
import './styles/app.css'

// The CSP forbids eval; zod must not compile validators with new Function.
z.config({ jitless: true })

const { createRoot } = await import('react-dom/client')
const { App } = await import('./App')

createRoot(document.getElementById('root') as HTMLElement).render(<App />)
