import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'

// Runs after `electron-vite build` (npm run test:e2e builds first). Electron cannot start here,
// so these pin the properties of the build that only Electron would otherwise catch at runtime.
const out = resolve(import.meta.dirname, '../../out')
const read = (p: string) => readFileSync(join(out, p), 'utf8')

describe('the Electron build', () => {
  it('bundles the preload to ONE CommonJS file that requires nothing but electron (sandbox: true)', () => {
    const preload = read('preload/index.cjs')
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(requires).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*(import|export)\s/m)
    expect(preload).toContain('exposeInMainWorld("api"')
    // zod is jitless before the contract builds its schemas (the CSP forbids eval).
    expect(preload.indexOf('jitless: true')).toBeGreaterThan(-1)
    expect(preload.indexOf('jitless: true')).toBeLessThan(preload.indexOf('"app:ping"'))
  })

  it('runs in a sandbox-like scope (require limited to electron) and exposes the contract as window.api', async () => {
    const exposed: Record<string, unknown> = {}
    const invoked: [string, unknown][] = []
    const electron = {
      contextBridge: {
        exposeInMainWorld(key: string, value: unknown) {
          exposed[key] = value
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          invoked.push([channel, input])
          return { ok: true, value: null }
        },
        on() {},
        removeListener() {},
      },
      webUtils: { getPathForFile: (f: { name: string }) => `/dropped/${f.name}` },
    }
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron
      throw new Error(`a sandboxed preload cannot require ${id}`)
    }
    const module = { exports: {} }
    // A fresh context: no process, no Buffer, no Node globals, as in Electron's sandboxed preload.
    runInNewContext(read('preload/index.cjs'), {
      require: sandboxRequire,
      module,
      exports: module.exports,
      console,
    })
    const api = exposed.api as { app: { ping(i: unknown): Promise<unknown> }; on: { app: { menu: unknown } } }
    // Only the contract's api and the dropped-file path lookup; never ipcRenderer itself.
    expect(Object.keys(exposed)).toEqual(['api', 'filePaths'])
    await api.app.ping({ message: 'x' })
    expect(invoked).toEqual([['app:ping', { message: 'x' }]])
    expect(typeof api.on.app.menu).toBe('function')
    const filePaths = exposed.filePaths as { getPathForFile(f: { name: string }): string }
    expect(filePaths.getPathForFile({ name: 'fakturaer.csv' })).toBe('/dropped/fakturaer.csv')
  })

  it('keeps better-sqlite3 external in main (a native addon cannot be bundled)', () => {
    const main = read('main/index.js')
    expect(main).toMatch(/from ["']better-sqlite3["']/)
    if (existsSync(resolve(import.meta.dirname, '../../src/main/import/worker.ts'))) {
      expect(existsSync(join(out, 'main/import-worker.js'))).toBe(true)
    }
  })

  it('ships a strict CSP: scripts only from the app, no inline code or eval', () => {
    const html = read('renderer/index.html')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
  })
})
