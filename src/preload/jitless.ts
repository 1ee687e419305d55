import { z } from 'zod'

// Imported first by the preload so it runs before the contract builds its schemas: the CSP
// forbids eval, and zod must not probe or compile validators with `new Function`.
z.config({ jitless: true })
