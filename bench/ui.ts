/**
 * `npm run bench:ui` (builds the renderer first): the run view with a 100k-line batch in Chromium.
 * Prints first paint, frame times while scrolling and while 1,000 rows change state, and the
 * messages the page received, each beside its target. BENCH_UI_ROWS overrides the size.
 */
import { launchChromium, startHarness } from '../test/e2e/harness'
import { report, runUiBench } from './ui-measure'

const ROWS = Number(process.env.BENCH_UI_ROWS ?? 100_000)

const harness = await startHarness({ locale: 'en-GB' })
const browser = await launchChromium()
try {
  const result = await runUiBench(harness, browser, ROWS)
  for (const line of report(result)) console.log(line)
} finally {
  await browser.close()
  await harness.close()
}
