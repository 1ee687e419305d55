import type { Page } from 'playwright-core'

/**
 * Drop-downs under `selector` whose chosen option is wider than the room the closed control gives
 * it (the browser cuts it silently, "Strict: never again after a succ"). Measured by laying the
 * option's text out in the control's own font.
 */
export function clippedSelects(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    type Sel = {
      clientWidth: number
      selectedOptions: ArrayLike<{ textContent: string | null }>
      offsetParent: unknown
    }
    type Span = {
      textContent: string
      style: Record<string, string>
      getBoundingClientRect(): { width: number }
    }
    const w = globalThis as unknown as {
      document: {
        querySelectorAll(s: string): ArrayLike<Sel>
        createElement(t: 'span'): Span
        body: { appendChild(e: Span): void; removeChild(e: Span): void }
      }
      getComputedStyle(e: Sel): {
        font: string
        paddingLeft: string
        paddingRight: string
        letterSpacing: string
      }
    }
    // The closed control keeps this much for its arrow (Chromium draws it in the padding-right
    // area plus about 20 px of its own).
    const ARROW = 20
    const out: string[] = []
    for (const root of Array.from(w.document.querySelectorAll(sel))) {
      const selects = Array.from(
        (root as unknown as { querySelectorAll(s: string): ArrayLike<Sel> }).querySelectorAll('select'),
      )
      for (const s of selects) {
        if (s.offsetParent === null) continue
        const text = (s.selectedOptions[0]?.textContent ?? '').trim()
        if (!text) continue
        const cs = w.getComputedStyle(s)
        const span = w.document.createElement('span')
        span.textContent = text
        span.style.font = cs.font
        span.style.letterSpacing = cs.letterSpacing
        span.style.position = 'absolute'
        span.style.whiteSpace = 'pre'
        w.document.body.appendChild(span)
        const need = span.getBoundingClientRect().width
        w.document.body.removeChild(span)
        const room =
          s.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight) - ARROW
        if (need > room + 0.5) out.push(text)
      }
    }
    return out
  }, selector)
}
