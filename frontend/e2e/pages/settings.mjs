// Settings: backups made on request and listed; the rate-limit wait cap checked.
import { expect } from '../harness.mjs'

export default async function settings({ r, page, go, shots, dataDir }) {
  await r.test('Backups show their folder, and "Back up now" makes one that is listed', async () => {
    await go('settings')
    const folder = await page.textContent('[data-testid="backup-folder"]')
    expect(folder.startsWith(dataDir), `the folder is in the data folder ${dataDir}, got ${folder}`)
    const before = await page.locator('[data-testid="other-backups"] tbody tr').count()
    await page.click('[data-testid="backup-now"]')
    const done = await page.locator('[data-testid="backup-message"]').textContent({ timeout: 15000 })
    const name = /([^/\\]+\.db)\b/.exec(done)?.[1]
    expect(done.startsWith(`Backed up to ${folder}`) && name, `the message names the file, got ${done}`)
    await page.waitForSelector(`[data-testid="other-backups"] tr:has-text("${name}")`)
    expect((await page.locator('[data-testid="other-backups"] tbody tr').count()) === before + 1, 'one more backup is listed')
    await shots('settings-backups', '[data-testid="backup-now"]')
  })

  await r.test('the rate-limit wait per run is checked to be 1–120 minutes', async () => {
    for (const bad of ['0', '121']) {
      await page.fill('input[name="rateWaitMinutes"]', bad)
      await page.click('[data-testid="save-rate-wait"]')
      await page.waitForSelector('[data-testid="rate-wait-error"]:has-text("between 1 and 120 minutes")')
    }
    await shots('settings-rate-wait-error', 'input[name="rateWaitMinutes"]')
    await page.fill('input[name="rateWaitMinutes"]', '30')
    await page.click('[data-testid="save-rate-wait"]')
    await page.waitForSelector('text=Each run now waits at most 30 min in all for rate limits.')
    expect((await page.locator('[data-testid="rate-wait-error"]').count()) === 0, 'the error is gone')
    const info = await page.evaluate(() => window.go.gui.SettingsAPI.Info())
    expect(info.rateWaitMinutes === 30, `saved 30, got ${info.rateWaitMinutes}`)
  })

  await r.test('run history shows its size, and a size limit is checked and saved', async () => {
    const hint = await page.textContent('[data-testid="history-size"]')
    expect(/runs stored; .+ in use of a .+ data file/.test(hint.replace(/\s+/g, " ")), `the history size, got ${hint}`)
    await page.fill('input[name="retention-mb"]', '5')
    await page.click('input[name="retention-mb"] >> xpath=../.. >> button:has-text("Save")')
    await page.waitForSelector('text=Keep 10 MB to 1 TB of history')
    await page.fill('input[name="retention-mb"]', '500')
    await page.click('input[name="retention-mb"] >> xpath=../.. >> button:has-text("Save")')
    await page.waitForSelector('text=Older runs were pruned.')
    const r = await page.evaluate(() => window.go.gui.SettingsAPI.Retention())
    expect(r.mb === 500, `saved 500 MB, got ${JSON.stringify(r)}`)
  })

  await r.test('the number format is chosen in Settings and kept', async () => {
    await go('settings')
    await page.selectOption('#number-format', '1.234,56')
    await page.click('[data-testid="save-number-format"]')
    await page.waitForSelector('text=Emails and tables now write numbers as 1.234,56.')
    const kept = await page.evaluate(async () => (await window.go.gui.SettingsAPI.NumberFormat()).format)
    expect(kept === '1.234,56', `the saved format is kept, got ${kept}`)
    await shots('settings-number-format', '#number-format')
    await page.selectOption('#number-format', '1,234.56')
    await page.click('[data-testid="save-number-format"]')
    await page.waitForSelector('text=Emails and tables now write numbers as 1,234.56.')
  })
}
