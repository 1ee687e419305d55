import type { Page } from 'playwright-core'
import type { EventName, EventPayload, InputOf, RequestName, ResultOf } from '../../../src/shared/contract'
import type { IpcResult } from '../../../src/shared/ipc'

// Tests are type-checked without the DOM lib, so page-side code reaches `window.api` through
// these typed helpers instead of writing `window` in page.evaluate callbacks.
type PageApi = Record<string, Record<string, (input: unknown) => Promise<unknown>>> & {
  on: Record<string, Record<string, (listener: (payload: unknown) => void) => () => void>>
}
type PageGlobals = { api: PageApi; __recorded?: Record<string, unknown[]> }

/** Calls `window.api.<area>.<verb>(input)` inside the page, exactly as the app would. */
export function callApi<K extends RequestName>(
  page: Page,
  name: K,
  input: InputOf<K>,
): Promise<IpcResult<ResultOf<K>>> {
  return page.evaluate(
    ([n, i]) => {
      const [area, verb] = n.split(':')
      return (globalThis as unknown as PageGlobals).api[area][verb](i)
    },
    [name, input] as const,
  ) as Promise<IpcResult<ResultOf<K>>>
}

/** Starts recording an event in the page through `window.api.on.<area>.<verb>`. */
export async function recordEvents(page: Page, name: EventName): Promise<void> {
  await page.evaluate((n) => {
    const g = globalThis as unknown as PageGlobals
    const [area, verb] = n.split(':')
    g.__recorded ??= {}
    const list: unknown[] = []
    g.__recorded[n] = list
    g.api.on[area][verb]((payload) => list.push(payload))
  }, name)
}

/** Waits until at least `count` recorded payloads arrived and returns them all. */
export async function recordedEvents<E extends EventName>(
  page: Page,
  name: E,
  count = 1,
): Promise<EventPayload<E>[]> {
  await page.waitForFunction(
    ([n, c]) => ((globalThis as unknown as PageGlobals).__recorded?.[n]?.length ?? 0) >= c,
    [name, count] as const,
  )
  return page.evaluate((n) => (globalThis as unknown as PageGlobals).__recorded?.[n] ?? [], name) as Promise<
    EventPayload<E>[]
  >
}

/** What the page's `prefers-color-scheme` media query says. */
export function pageColorScheme(page: Page): Promise<'light' | 'dark'> {
  return page.evaluate(() =>
    (globalThis as unknown as { matchMedia(q: string): { matches: boolean } }).matchMedia(
      '(prefers-color-scheme: dark)',
    ).matches
      ? 'dark'
      : 'light',
  )
}
