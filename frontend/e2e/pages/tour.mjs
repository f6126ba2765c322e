// A tour of every page with the data the suites before it left behind: the
// first item of each list open, shot at every size in both themes, so that
// `make screenshot` shows each page as a user who has worked in it sees it.
import { expect } from '../harness.mjs'

/** Each page, and the list item to open on it (if any). */
const stops = [
  { id: 'connections', item: '[data-testid="connection-item"]' },
  { id: 'templates', item: '[data-testid="template-item"]' },
  { id: 'automations', item: '[data-testid="automation-item"]' },
  { id: 'runs', item: '[data-testid="run-item"]' },
  { id: 'settings' },
]

export default async function tour({ r, page, go, shots }) {
  for (const stop of stops) {
    await r.test(`the ${stop.id} page is shot at every size, with its first item open`, async () => {
      await go(stop.id)
      if (stop.item) {
        const first = page.locator(stop.item).first()
        await first.waitFor()
        await first.click()
      }
      await page.waitForTimeout(150)
      const head = await page.textContent('.page-head h1')
      expect(head && head.trim().length > 0, `the ${stop.id} page shows its heading, got ${head}`)
      await shots(`page-${stop.id}`)
    })
  }
}
