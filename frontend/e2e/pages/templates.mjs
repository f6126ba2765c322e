// Templates: "Safe to repeat" on writes, refused where a parameter is a delta.
import { expect } from '../harness.mjs'

/** Opens a template preset made on the Demo connection. */
async function presetOnDemo(page, presetId) {
  await page.click('[data-testid="new-template"]')
  const id = await page.evaluate(async () => (await window.go.gui.ConnectionsAPI.List()).find((c) => c.platform === 'demo').id)
  await page.selectOption('select[name="preset-connection"]', String(id))
  await page.click(`[data-preset="${presetId}"]`)
}

const option = 'label.check:has(input[name="idempotent"])'

export default async function templates({ r, page, go, shots }) {
  await r.test('a write template offers "Safe to repeat" with its hint; a read has no such option', async () => {
    await go('templates')
    await presetOnDemo(page, 'impact.actions.list')
    expect((await page.locator('input[name="idempotent"]').count()) === 0, 'a read has no Safe to repeat')
    await presetOnDemo(page, 'impact.actions.update_items')
    const text = await page.textContent(option)
    expect(text.includes('Safe to repeat') && text.includes('Never for deltas'), `the option and its hint, got ${text}`)
    expect(!(await page.isChecked('input[name="idempotent"]')), 'the item change starts not safe to repeat')
  })

  await r.test('"Safe to repeat" on the impact.com item change is refused beside the option, naming each delta', async () => {
    await page.check('input[name="idempotent"]')
    await page.click('[data-testid="save-template"]')
    const err = page.locator(`${option} [data-testid="idempotent-error"]`)
    await err.waitFor()
    const first = await err.textContent()
    expect(first.includes('cannot be safe to repeat') && first.includes('ItemSubTotalDelta'), `refusal names ItemSubTotalDelta, got ${first}`)
    await shots('template-safe-to-repeat', '[data-testid="idempotent-error"]')
    await page.click('button[aria-label="Remove parameter ItemSubTotalDelta"]')
    await page.click('[data-testid="save-template"]')
    await page.waitForSelector(`${option} [data-testid="idempotent-error"]:has-text("Quantity")`)
    const names = await page.locator('[data-testid="template-item"]').allTextContents()
    expect(!names.some((n) => n.includes('Change an action')), 'nothing was saved')
  })

  await r.test('"Safe to repeat" saves on the absolute-amount update preset', async () => {
    await presetOnDemo(page, 'impact.actions.update')
    await page.click('[data-testid="unsaved-discard"]')
    expect(await page.isChecked('input[name="idempotent"]'), 'the update preset comes marked safe to repeat')
    await page.uncheck('input[name="idempotent"]')
    await page.waitForSelector('.hint:has-text("it is not sent again")')
    await page.check('input[name="idempotent"]')
    await page.waitForSelector('.hint:has-text("retried like a read")')
    await page.click('[data-testid="save-template"]')
    await page.waitForSelector('text=Saved “impact.com: Update an action”.')
    expect((await page.locator('[data-testid="idempotent-error"]').count()) === 0, 'no refusal')
    const saved = await page.evaluate(async () => (await window.go.gui.TemplatesAPI.List()).find((t) => t.name === 'impact.com: Update an action'))
    expect(saved?.idempotent === true, `saved safe to repeat, got ${saved?.idempotent}`)
  })
}
