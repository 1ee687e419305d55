import { describe, expect, it } from 'vitest'
import { prepareAppHtml, widenConnectSrc } from '../../e2e/harness/html'
import { findNonPlainValue } from '../../e2e/harness/protocol'

const BUILT = `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="UTF-8" />
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'"
    />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`

describe('harness page rewrite', () => {
  it('adds only the bridge origin to connect-src and keeps the rest of the CSP', () => {
    const html = prepareAppHtml(BUILT, 'ws://127.0.0.1:1234')
    expect(html).toContain(
      `content="default-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:1234; object-src 'none'"`,
    )
  })

  it('loads the bridge as an external script before the app module', () => {
    const html = prepareAppHtml(BUILT, 'ws://127.0.0.1:1234')
    const bridge = html.indexOf('<script src="/__bridge.js"></script>')
    expect(bridge).toBeGreaterThan(html.indexOf('Content-Security-Policy'))
    expect(bridge).toBeLessThan(html.indexOf('type="module"'))
  })

  it('creates connect-src from default-src when the app has none', () => {
    expect(widenConnectSrc("default-src 'self'; img-src data:", 'ws://h:1')).toBe(
      "default-src 'self'; img-src data:; connect-src 'self' ws://h:1",
    )
  })

  it('refuses a page without a CSP rather than testing a weaker page', () => {
    expect(() =>
      prepareAppHtml('<html><script type="module" src="x.js"></script></html>', 'ws://h:1'),
    ).toThrow(/Content-Security-Policy/)
  })
})

describe('bridge results must survive Electron IPC unchanged', () => {
  it('accepts plain JSON data', () => {
    expect(findNonPlainValue({ a: [1, 'x', null, { b: true }], c: undefined })).toBeNull()
  })

  it.each([
    ['a Date', { at: new Date() }, '$.at'],
    ['a Map', { m: new Map() }, '$.m'],
    ['undefined in an array', { list: [1, undefined] }, '$.list[1]'],
    ['NaN', { n: Number.NaN }, '$.n'],
    ['a bigint', { n: 1n }, '$.n'],
  ])('points at %s', (_label, value, path) => {
    expect(findNonPlainValue(value)).toBe(path)
  })
})
