import { defineConfig } from 'vitest/config'

// The packaging check: electron-builder offline against a stand-in Electron (test/packaging).
// Run after `electron-vite build` (npm test runs it after the browser tests, which build).
export default defineConfig({
  test: {
    include: ['test/packaging/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
})
