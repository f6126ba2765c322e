// Schedules: the editor previews a schedule as you change it, saves it,
// and the list shows the next run; Settings pauses every schedule; the
// sidebar counts runs waiting for approval.
import { expect } from '../harness.mjs'

const preset = 'Pause an offer when its cap is reached'

export default async function schedules({ r, page, go, shots }) {
  await r.test('a preset suggests a schedule, off; every minute previews five runs, saves, and the list shows the next run', async () => {
    await go('automations')
    await page.click('[data-testid="new-automation"]')
    await page.click('[data-preset="affise.pause_capped_offer"]')
    await page.waitForSelector('[data-testid="schedule-off"]')
    expect(!(await page.isChecked('input[name="schedule-enabled"]')), 'the suggested schedule is off')
    expect((await page.inputValue('select[name="schedule-every"]')) === '15', 'every 15 minutes is suggested')
    await page.selectOption('select[name="schedule-every"]', '1')
    await page.waitForSelector('[data-testid="schedule-description"]:has-text("minute")')
    const words = await page.textContent('[data-testid="schedule-description"]')
    expect(!/15/.test(words), `the description follows the edit, got ${words}`)
    expect((await page.locator('[data-testid="schedule-slot"]').count()) === 5, 'five next runs are listed')
    const first = await page.locator('[data-testid="schedule-slot"] td').first().textContent()
    expect(/\d{2}:\d{2}/.test(first), `a slot shows its time, got ${first}`)
    await page.check('input[name="schedule-enabled"]')
    await page.click('[data-testid="save-automation"]')
    await page.waitForSelector(`text=Saved “${preset}”.`)
    const saved = await page.evaluate(async (name) => (await window.go.gui.AutomationsAPI.List()).find((a) => a.name === name), preset)
    expect(saved.schedule?.enabled && saved.schedule.kind === 'every' && saved.schedule.every === 1 && saved.schedule.unit === 'minutes',
      `saved ${JSON.stringify(saved.schedule)}`)
    const item = page.locator(`[data-testid="automation-item"]:has-text("${preset}")`)
    await item.locator('[data-testid="next-run"]:has-text("Next ")').waitFor()
    await page.click('summary:has-text("Options")')
    await shots('schedule-editor', '[data-testid="schedule-editor"]')
    await shots('schedule-list', '[data-testid="schedule-line"]')
  })

  await r.test('a bad cron expression is an error beside the cron field, and is not saved', async () => {
    await page.selectOption('select[name="schedule-kind"]', 'cron')
    await page.fill('input[name="schedule-cron"]', '61 * * * *')
    await page.waitForSelector('[data-field="schedule.cron"]')
    await page.click('[data-testid="save-automation"]')
    await page.waitForSelector('[data-testid="save-automation"]:has-text("Save")')
    expect((await page.locator('[data-field="schedule.cron"]').count()) === 1 && (await page.locator('[data-testid="automation-error"]').count()) === 0,
      'the cron error shows once, beside its field')
    const saved = await page.evaluate(async (name) => (await window.go.gui.AutomationsAPI.List()).find((a) => a.name === name), preset)
    expect(saved.schedule.kind === 'every', `the bad schedule was not saved, got ${saved.schedule.kind}`)
    await page.selectOption('select[name="schedule-kind"]', 'weekly')
    await page.click('[data-day="3"]')
    await page.waitForSelector('[data-testid="schedule-description"]:has-text("Wednesday")')
    expect(await page.locator('[data-field="schedule.cron"]').count() === 0, 'the cron error is gone')
    await page.click(`[data-testid="automation-item"]:has-text("${preset}")`)
    await page.click('[data-testid="unsaved-discard"]')
  })

  await r.test('Settings pause every schedule, and the list says paused', async () => {
    await go('settings')
    await page.check('[data-testid="pause-schedules"]')
    await page.waitForSelector('[data-testid="paused-badge"]')
    expect(await page.evaluate(() => window.go.gui.SettingsAPI.SchedulesPaused()), 'the pause is stored')
    await page.check('input[name="close-behaviour"][value="background"]')
    await page.waitForSelector('[data-testid="schedule-settings-message"]:has-text("keep running in the background")')
    expect((await page.evaluate(() => window.go.gui.SettingsAPI.CloseBehaviour())) === 'background', 'the close answer is stored')
    await shots('settings-schedules', '[data-testid="pause-schedules"]')
    await go('automations')
    await page.waitForSelector(`[data-testid="automation-item"]:has-text("${preset}") [data-testid="next-run"]:text-is("Paused")`)
    await go('settings')
    await page.uncheck('[data-testid="pause-schedules"]')
    await page.waitForSelector('[data-testid="paused-badge"]', { state: 'detached' })
    expect(!(await page.evaluate(() => window.go.gui.SettingsAPI.SchedulesPaused())), 'resumed')
  })

  await r.test('the sidebar counts runs waiting for approval, and the count drops once approved', async () => {
    const before = Number((await page.locator('[data-testid="approval-badge"]').textContent({ timeout: 500 }).catch(() => '0')) || 0)
    const id = await page.evaluate(async () => {
      const api = window.go.gui.AutomationsAPI
      const a = await api.Save({ id: 0, name: 'Ask first', description: '', trigger: { kind: 'manual' }, steps: [
        { id: 's1', kind: 'approval', name: 'Go ahead?', message: 'Go ahead?' },
        { id: 's2', kind: 'condition', name: 'Always', match: 'all', rules: [{ left: '1', op: 'gt', right: '0' }] }] })
      return api.Run(a.id, false)
    })
    await page.waitForSelector(`[data-testid="approval-badge"]:text-is("${before + 1}")`)
    await page.click('nav [data-page="runs"]')
    await page.click(`[data-testid="run-item"]:has-text("Ask first")`)
    await page.click('.detail-pane button.primary:has-text("Approve")')
    if (before === 0) await page.waitForSelector('[data-testid="approval-badge"]', { state: 'detached' })
    else await page.waitForSelector(`[data-testid="approval-badge"]:text-is("${before}")`)
    const run = await page.evaluate((rid) => window.go.gui.RunsAPI.Get(rid), id)
    expect(run.status !== 'waiting_approval', `the run went on, got ${run.status}`)
  })

  await r.test('the every-minute schedule fires: its run arrives in Runs & Logs, marked as scheduled', async () => {
    await go('runs')
    const item = page.locator(`[data-testid="run-item"]:has-text("${preset}"):has-text("schedule")`).first()
    await item.waitFor({ timeout: 90000 })
    await item.click()
    await page.waitForSelector(`.detail-pane:has-text("${preset}")`)
    const detail = await page.textContent('.detail-pane')
    expect(detail.includes('by schedule'), `the run says a schedule started it, got ${detail.slice(0, 200)}`)
    const why = await page.locator('[data-testid="step-result"]:has-text("Check Condition") [data-testid="step-detail"]').first().textContent()
    expect(why.startsWith('Condition met: "') && why.includes('greater than'), `a condition that held says why, got ${why}`)
    await go('automations')
    const line = page.locator(`[data-testid="automation-item"]:has-text("${preset}") [data-testid="last-run"]`)
    await line.waitFor()
    expect((await line.textContent()).trim().length > 0, 'the list shows the last scheduled run')
    await shots('schedule-list-after-run', '[data-testid="schedule-line"]')
  })
}
