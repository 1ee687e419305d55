import type { Page } from 'playwright-core'

/** The laptop screen the layout is checked at. */
export const LAPTOP = { width: 1366, height: 768 } as const

export const LANGS = [
  { name: 'bokmål', locale: 'nb-NO', lang: 'nb' },
  { name: 'English', locale: 'en-GB', lang: 'en' },
] as const

export interface Clipped {
  text: string
  testId: string | null
  ellipsis: boolean
  title: string | null
}

/**
 * Elements under `selector` whose text is wider than their box. Each says whether it ends in an
 * ellipsis (text-overflow: ellipsis on itself) and what tooltip it, or an ancestor up to the cell, has.
 */
export function clippedText(page: Page, selector: string): Promise<Clipped[]> {
  return page.evaluate((sel) => {
    type El = {
      scrollWidth: number
      clientWidth: number
      textContent: string | null
      children: ArrayLike<El>
      parentElement: El | null
      getAttribute(n: string): string | null
      closest(s: string): El | null
    }
    const w = globalThis as unknown as {
      document: { querySelectorAll(s: string): ArrayLike<El> }
      getComputedStyle(e: El): { textOverflow: string; overflowX: string; display: string }
    }
    const out: {
      text: string
      testId: string | null
      ellipsis: boolean
      title: string | null
    }[] = []
    const roots = Array.from(w.document.querySelectorAll(sel))
    const visit = (el: El) => {
      // Text for screen readers only is a 1-pixel box on purpose.
      if (el.closest('.visually-hidden')) return
      const cs = w.getComputedStyle(el)
      const text = (el.textContent ?? '').trim()
      // A scroll container is meant to scroll; only boxes that hide what does not fit count.
      if (text && cs.display !== 'none' && cs.overflowX !== 'auto' && cs.overflowX !== 'scroll') {
        if (el.scrollWidth > el.clientWidth + 1) {
          let title: string | null = null
          for (let e: El | null = el; e && !title; e = e.parentElement) title = e.getAttribute('title')
          const testId = el.closest('[data-testid]')?.getAttribute('data-testid') ?? null
          out.push({ text, testId, ellipsis: cs.textOverflow === 'ellipsis', title })
        }
      }
      for (const c of Array.from(el.children)) visit(c)
    }
    for (const r of roots) visit(r)
    return out
  }, selector)
}

/** Text that is cut off with no "…" (so the user cannot tell anything is missing). */
export async function silentlyClipped(page: Page, selector: string): Promise<string[]> {
  return (await clippedText(page, selector)).filter((c) => !c.ellipsis).map((c) => `${c.testId}: ${c.text}`)
}

/** Where an element is on screen, or null when it is not rendered. */
export function box(page: Page, testId: string) {
  return page.getByTestId(testId).boundingBox()
}
