let ctx: OffscreenCanvasRenderingContext2D | null | undefined
let fontTail = ''
const cache = new Map<string, number>()

/**
 * The width in CSS pixels of one line of text in the page's own font (optionally bold), measured on a
 * canvas so no layout is forced, and remembered: a canvas measurement is not cheap, and grids ask
 * for the same shapes of text again and again.
 */
export function textWidth(text: string, weight: 'normal' | 'bold' = 'normal'): number {
  // Digits are all as wide as 0 in the UI's fonts, so INV-2026-000001 … 999999 is one measurement.
  const shape = text.replace(/[0-9]/g, '0')
  const key = `${weight}\u0000${shape}`
  const known = cache.get(key)
  if (known !== undefined) return known
  if (ctx === undefined) {
    ctx = new OffscreenCanvas(1, 1).getContext('2d')
    const cs = getComputedStyle(document.body)
    fontTail = `${cs.fontSize} ${cs.fontFamily}`
  }
  if (!ctx) return text.length * 8
  ctx.font = `${weight === 'bold' ? 600 : 400} ${fontTail}`
  const w = Math.ceil(ctx.measureText(shape).width)
  if (cache.size > 50_000) cache.clear()
  cache.set(key, w)
  return w
}
