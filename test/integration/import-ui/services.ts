import { openAppDb } from '../../../src/main/db/store'
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

/**
 * The app's real main-process services on a data dir, called through the same dispatcher the
 * window uses (zod-checked input, errors as data), with fakes only at the Electron edges.
 */
export function startServices(dataDir: string, dialogs = new FakeDialogs()) {
  const events: { name: string; payload: unknown }[] = []
  const sink: EventSink = { emit: (name, payload) => void events.push({ name, payload }) }
  const db = openAppDb(dataDir)
  const services = createAppServices({
    dataDir,
    db,
    log: silentLogger,
    events: sink,
    dialogs,
    secrets: new MemorySecretStore(),
    opener: new RecordingOpener(),
    notifier: new RecordingNotifier(),
    system: new FakeSystemInfo('nb-NO', 'light'),
    clock: () => new Date(),
    version: '0.1.0',
  })
  const dispatch = createDispatcher(services.handlers, silentLogger)
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(name, input)
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
    return r.value as T
  }
  return {
    call,
    dispatch,
    db,
    events,
    close: async () => {
      await services.dispose()
      db.close()
    },
  }
}
