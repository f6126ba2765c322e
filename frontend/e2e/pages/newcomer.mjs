// A newcomer's first hour: each automation preset offered for the Demo
// tracker is built from the New automation dialog, dry-run, read in the
// builder and in Runs & Logs, run for real after the confirmation, and
// read again; the dry run's held-back writes are what the real run sends.
import { expect } from '../harness.mjs'

/** The presets the New automation dialog offers for the Demo tracker,
 * with what each one's run must show. */
const presets = [
  { id: 'impact.reverse_test_actions', name: 'Reverse test or fraudulent impact.com actions', loop: 's2' },
  { id: 'affise.weekly_stats_email', name: 'Weekly affiliate stats email', email: 'Affiliate stats, week of' },
  { id: 'affise.pause_capped_offer', name: 'Pause an offer when its cap is reached' },
  { id: 'cake.onboard_postbacks', name: 'Onboard affiliates: create CAKE postbacks', loop: 's2' },
]

/** The number of writes a run's detail says were sent and held back (a
 * run that came to no write says nothing of writes). */
async function writes(page) {
  const text = await page.textContent('.detail-pane')
  const m = /Writes: (\d+) sent(?:, (\d+) not sent)?/.exec(text)
  return { sent: Number(m?.[1] ?? 0), held: Number(m?.[2] ?? 0), text }
}

/** Waits for shown; an editor left with unsaved changes on the way is
 * discarded, as a newcomer moving on would. */
async function leaveUnsaved(page, shown) {
  const discard = page.locator('[data-testid="unsaved-discard"]')
  await shown.or(discard).first().waitFor()
  if (await discard.count()) await discard.click()
  await shown.first().waitFor()
}

/** Opens the New automation dialog on the Demo connection and builds p. */
async function build(page, go, p) {
  await go('automations')
  await page.click('[data-testid="new-automation"]')
  const pick = page.locator('[role="dialog"] select').first()
  const demo = (await pick.locator('option').allTextContents()).find((o) => o.includes('Demo'))
  await pick.selectOption({ label: demo })
  await page.click(`[data-preset="${p.id}"]`)
  await leaveUnsaved(page, page.locator(`text=Created “${p.name}`))
  if (await page.locator('[data-testid="use-outbox"]').count()) await page.click('[data-testid="use-outbox"]')
  await page.waitForSelector('[data-testid="needs-mail"]', { state: 'detached' })
}

/** Dry-runs the open automation and reads it in the builder and in Runs &
 * Logs; returns the writes it held back. */
async function dryRun(page, p) {
  await page.click('[data-testid="dry-run"]')
  await page.waitForSelector('[data-testid="run-panel"]:has-text("Dry run") [data-testid="run-status"]:has-text("Completed")', { timeout: 60000 })
  if (p.loop) {
    const badge = await page.textContent(`[data-step="${p.loop}"] [data-testid="step-outcome"]`)
    expect(/^(✓ \d+ items|✓ \d+ of \d+ items|\d+ items)/.test(badge), `the loop's badge counts all its items: ${badge}`)
  }
  await page.click('[data-testid="open-run"]')
  await page.waitForSelector('[data-testid="run-detail-status"]:has-text("Completed")')
  const w = await writes(page)
  expect(w.text.includes('no write, email or webhook was sent') && w.sent === 0, `the dry run sent nothing: ${w.text.slice(0, 300)}`)
  if (p.loop) {
    const counts = await page.textContent('[data-testid="item-counts"]')
    const badge = /(\d+) items: (\d+) succeeded/.exec(counts)
    expect(badge, `the loop's counts: ${counts}`)
    await page.click(`[data-testid="step-result"] >> nth=1 >> button.head`)
    await page.locator('[data-testid="item"]').first().waitFor()
  }
  return w.held
}

/** Runs the open automation for real after the confirmation and checks it
 * sent what the dry run held back. */
async function runForReal(page, go, p, held) {
  await go('automations')
  await page.locator('[data-testid="automation-item"]', { hasText: p.name }).last().click()
  await page.click('[data-testid="run-now"]')
  await page.waitForSelector('[role="dialog"]:has-text("for real?")')
  await page.click('[role="dialog"] [data-testid="confirm"]')
  await page.waitForSelector('[data-testid="run-panel"]:not(:has-text("Dry run")) [data-testid="run-status"]:has-text("Completed")', { timeout: 60000 })
  await page.click('[data-testid="open-run"]')
  await page.waitForSelector('[data-testid="run-detail-status"]:has-text("Completed")')
  const w = await writes(page)
  expect(w.sent === held && w.held === 0, `the run sent the ${held} writes the dry run held back: ${w.text.slice(0, 300)}`)
  await page.click('summary:has-text("Variables at the end")')
}

export default async function newcomer({ r, page, go, shots }) {
  for (const p of presets) {
    await r.test(`a newcomer builds “${p.name}” on Demo, dry-runs it, runs it and reads both runs`, async () => {
      await build(page, go, p)
      const held = await dryRun(page, p)
      expect(held > 0 || p.id === 'impact.reverse_test_actions', `the dry run of ${p.name} holds back its writes, got ${held}`)
      await runForReal(page, go, p, held)
      if (p.email) {
        await go('settings')
        const box = await page.textContent('[data-testid="outbox"]')
        expect(box.includes(p.email), `the outbox holds the email: ${box}`)
        await page.locator('[data-testid="outbox"] button').first().click()
        const mail = page.locator('iframe').first()
        await mail.waitFor()
        const html = await mail.evaluate((e) => e.getAttribute('srcdoc') || e.contentDocument?.body?.innerHTML || '')
        expect(/payouts [\d,]+\.\d\d\./.test(html), `money after the filter keeps two decimals: ${html.slice(0, 200)}`)
      }
    })
  }

  await r.test('the builder pane scrolls inside the window: the page itself never does', async () => {
    await go('automations')
    await page.locator('[data-testid="automation-item"]', { hasText: presets[1].name }).last().click()
    const { extra, scrolled } = await page.evaluate(() => {
      document.querySelector('[data-testid="add-step"]').scrollIntoView({ block: 'center' })
      const doc = document.scrollingElement
      return { extra: doc.scrollHeight - doc.clientHeight, scrolled: doc.scrollTop }
    })
    expect(extra <= 0 && scrolled === 0, `the window is ${extra}px taller than itself and scrolled by ${scrolled}px`)
    await shots('newcomer-builder')
  })

  await r.test('a For Each offers lists to loop over, not dates or run IDs', async () => {
    await page.click('[data-testid="new-automation"]')
    await page.click('[role="dialog"] button:has-text("Blank automation")')
    await leaveUnsaved(page, page.locator('input[placeholder="Automation name"]'))
    await page.click('[data-testid="add-step"]')
    await page.click('[data-kind="for_each"]')
    const offered = await page.locator('select[name="loop-over"] option').allTextContents()
    expect(!offered.some((o) => /run_date|run_id|automation_name/.test(o)), `the loop offers ${offered}`)
    expect((await page.locator('[data-testid="empty-title"]').count()) === 0, 'the builder is open')
    await go('runs')
  })
}
