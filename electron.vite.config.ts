import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const root = import.meta.dirname
const sharedAlias = { '@shared': resolve(root, 'src/shared') }

// The import worker is owned by the import area; the build only references it once it exists so a
// fresh or partial tree still builds.
const workerEntry = resolve(root, 'src/main/import/worker.ts')
const mainInputs: Record<string, string> = { index: resolve(root, 'src/main/index.ts') }
if (existsSync(workerEntry)) mainInputs['import-worker'] = workerEntry

export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      // Node packages (better-sqlite3, xlsx, zod …) stay in node_modules; the native addon cannot be bundled.
      externalizeDeps: true,
      rolldownOptions: { input: mainInputs },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      // sandbox: true forbids require() of anything but a few Electron modules, so the preload must be
      // ONE CommonJS file with zod and src/shared bundled in (an ESM preload needs the sandbox off).
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: { alias: sharedAlias },
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
})
