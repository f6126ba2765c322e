// Runs & Logs: a run whose loop went on past failed items says
// "Completed with errors", counts its items, and pages and filters them.
import { expect } from '../harness.mjs'

const automationName = 'Reverse large actions of the last 3 days'

/** Saves, through the bound API, a loop over recent Demo actions of every
 * state that reverses the large ones: pending ones succeed, approved and
 * reversed ones are refused by the tracker, small ones are skipped. */
async function buildLoop(page) {
  const now = Date.now()
  const iso = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z')
  await page.evaluate(async ({ name, from, to }) => {
    const api = window.go.gui
    const demo = (await api.ConnectionsAPI.List()).find((c) => c.platform === 'demo')
    const list = await api.TemplatesAPI.Save({ ...(await api.TemplatesAPI.FromPreset('impact.actions.list', demo.id)), name: 'Actions by event date' })
    const reverse = await api.TemplatesAPI.Save({ ...(await api.TemplatesAPI.FromPreset('impact.actions.reverse', demo.id)), name: 'Reverse one action' })
    await api.AutomationsAPI.Save({
      id: 0, name, description: 'Every state, so some reversals are refused', trigger: { kind: 'manual' },
      steps: [
        { id: 's1', kind: 'action_get', name: 'Recent actions', templateId: list.id, values: { CampaignId: '1000', ActionDateStart: from, ActionDateEnd: to },
          selections: [{ path: '$.Actions[*]', variable: 'Actions_action_1' }] },
        { id: 's2', kind: 'for_each', name: 'Each action', over: 'Actions_action_1', itemName: 'action', concurrency: 4, continueOnError: true, steps: [
          { id: 's3', kind: 'condition', name: 'Large amount?', match: 'all', rules: [{ left: '{action.Amount}', op: 'gt', right: '150' }] },
          { id: 's4', kind: 'action_edit', name: 'Reverse it', templateId: reverse.id, values: { ActionId: '{action.Id}', DispositionCode: 'CONS_FRAUD' } },
        ] },
      ],
    })
  }, { name: automationName, from: iso(now - 3 * 86400e3), to: iso(now) })
}

/** The numbers of "N items: a succeeded, b failed, …, c skipped". */
function counts(text) {
  const n = (re) => Number(re.exec(text)?.[1] ?? NaN)
  return { total: n(/(\d+) items/), ok: n(/(\d+) succeeded/), failed: n(/(\d+) failed/), skipped: n(/(\d+) skipped/) }
}

export default async function runs({ r, page, go, shots }) {
  await r.test('a loop with refused items under continue-on-error completes with errors, in the list and the detail', async () => {
    await buildLoop(page)
    await page.reload()
    await page.waitForFunction(() => window.go?.gui?.AutomationsAPI?.List, null, { timeout: 20000 })
    await go('automations')
    await page.click(`[data-testid="automation-item"]:has-text("${automationName}")`)
    await page.click('[data-testid="run-now"]')
    await page.click('[role="dialog"] [data-testid="confirm"]')
    await page.waitForSelector('[data-testid="run-status"]:has-text("Completed with errors")', { timeout: 60000 })
    await page.click('[data-testid="open-run"]')
    await page.waitForSelector('[data-testid="run-detail-status"]:text-is("Completed with errors")')
    const badge = await page.textContent('[data-testid="run-item"].selected .badge')
    expect(badge === 'Completed with errors', `the list says so, got ${badge}`)
    const c = counts(await page.textContent('[data-testid="item-counts"]'))
    expect(c.total > 50 && c.ok > 0 && c.failed > 0 && c.skipped > 0 && c.ok + c.failed + c.skipped === c.total, `item counts ${JSON.stringify(c)}`)
    expect((await page.textContent('.detail-pane')).includes(`${c.failed} of ${c.total} items failed`), 'the loop says it went on past failures')
    expect((await page.textContent('[data-testid="step-result"] >> nth=1 >> [data-testid="loop-errors"]')) === 'with errors', 'the loop step is not just ok')
    await page.selectOption('select[name="runs-status"]', 'completed_with_errors')
    await page.waitForSelector('[data-testid="run-item"]:not(:has-text("Completed with errors"))', { state: 'detached' })
    const listed = await page.locator('[data-testid="run-item"]').allTextContents()
    expect(listed.length >= 1 && listed.every((t) => t.includes('Completed with errors')), `the status filter, got ${listed}`)
    await shots('run-with-errors', '[data-testid="run-detail-status"]')
    await page.selectOption('select[name="runs-status"]', '')
  })

  await r.test('the items of a run page by 100 and filter by status, and a skipped item says why', async () => {
    const c = counts(await page.textContent('[data-testid="item-counts"]'))
    await page.click('[data-testid="step-result"] >> nth=1 >> button.head')
    await page.waitForSelector(`[data-testid="item-range"]:text-is("1–${Math.min(100, c.total)} of ${c.total}")`)
    expect((await page.locator('[data-testid="item"]').count()) === Math.min(100, c.total), 'a hundred items a page')
    expect(Number(await page.textContent('[data-filter="failed"] .count')) === c.failed, 'the failed filter counts them')
    if (c.total > 100) {
      await page.click('[data-testid="item-list"] button:has-text("Next")')
      await page.waitForSelector(`[data-testid="item-range"]:text-is("101–${Math.min(200, c.total)} of ${c.total}")`)
    }
    await page.click('[data-filter="failed"]')
    await page.waitForSelector(`[data-testid="item-range"]:text-is("1–${Math.min(100, c.failed)} of ${c.failed}")`)
    const failed = await page.locator('[data-testid="item"]').allTextContents()
    expect(failed.every((t) => t.includes('failed') && /can no longer be changed/.test(t)), `failed items say why: ${failed[0]}`)
    await shots('run-items-failed', '[data-testid="item-list"]')
    await page.click('[data-filter="skipped"]')
    await page.waitForSelector(`[data-testid="item-range"]:text-is("1–${Math.min(100, c.skipped)} of ${c.skipped}")`)
    const skipped = await page.locator('[data-testid="item"]').first().textContent()
    expect(skipped.includes('skipped') && skipped.includes('Condition not met'), `a skipped item's reason, got ${skipped}`)
    await shots('run-items-skipped', '[data-testid="item-list"]')
  })
}
