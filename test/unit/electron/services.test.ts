import { describe, expect, it } from 'vitest'
import { openMemoryAppDb } from '../../../src/main/db/store'
import { createDispatcher, type EventSink } from '../../../src/main/ipc/dispatch'
import { silentLogger } from '../../../src/main/log'
import {
  FakeDialogs,
  FakeSystemInfo,
  MemorySecretStore,
  RecordingNotifier,
  RecordingOpener,
} from '../../support/platform-fakes'
import { createAppServices } from '../../../src/main/services'
import { createSettingsStore } from '../../../src/main/settings/store'
import { requestNames } from '../../../src/shared/api'

function services() {
  const events: EventSink = { emit() {} }
  const db = openMemoryAppDb()
  const system = new FakeSystemInfo('en-GB', 'dark')
  const secrets = new MemorySecretStore()
  const s = createAppServices({
    dataDir: '/data/Kravia Batch',
    db,
    log: silentLogger,
    events,
    dialogs: new FakeDialogs(),
    secrets,
    opener: new RecordingOpener(),
    notifier: new RecordingNotifier(),
    system,
    clock: () => new Date('2026-11-25T12:00:00Z'),
    version: '0.1.0',
  })
  return { ...s, dispatch: createDispatcher(s.handlers, silentLogger), db, system, secrets }
}

describe('app services', () => {
  it('answers app:info from the injected deps (sandbox until an account is connected)', async () => {
    const s = services()
    expect(await s.dispatch('app:info', {})).toEqual({
      ok: true,
      value: {
        name: 'Kravia Batch',
        version: '0.1.0',
        environment: 'sandbox',
        account: 'Sandbox',
        dataDir: '/data/Kravia Batch',
        locale: 'en-GB',
        theme: 'dark',
      },
    })
    s.system.setTheme('light')
    expect(await s.dispatch('app:info', {})).toMatchObject({ value: { theme: 'light' } })
  })

  it('reports the environment and account Settings switched to', async () => {
    const s = services()
    const settings = createSettingsStore(s.db, s.secrets)
    settings.saveCredentials('test', { accountId: 'T11223344', clientId: 'id', clientSecret: 'secret' })
    settings.setEnvironment('test')
    expect(await s.dispatch('app:info', {})).toMatchObject({
      ok: true,
      value: { environment: 'test', account: 'T11223344' },
    })
  })

  it('echoes app:ping with the injected clock', async () => {
    expect(await services().dispatch('app:ping', { message: 'hei' })).toEqual({
      ok: true,
      value: { echo: 'hei', at: '2026-11-25T12:00:00.000Z' },
    })
  })

  it('routes every contract request to a handler', () => {
    expect(Object.keys(services().handlers).sort()).toEqual([...requestNames].sort())
  })
})
