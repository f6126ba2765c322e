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
  { id: 'affise.pause_capped_offer', name: 'Pause an offer when its cap is reached', stat: 'Affise: By offer' },
  { id: 'cake.onboard_postbacks', name: 'Onboard affiliates: create CAKE postbacks', loop: 's2' },
]

/** The number of writes a run's detail says were sent and held back (a
 * run that came to no write says nothing of writes). */
async function writes(page) {
  const text = await page.textContent('.detail-pane')
  const m = /Writes: (\d+) sent(?:, (\d+) (?:not sent|held back))?/.exec(text)
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
    expect(/^(✓ \d+ items would succeed|✓ \d+ of \d+ would succeed|\d+ items)/.test(badge), `the loop's badge counts all its items, as a dry run: ${badge}`)
  }
  const totals = await page.textContent('[data-testid="run-totals"]').catch(() => '')
  expect(p.id === 'impact.reverse_test_actions' || /Writes: 0 sent, [1-9]\d* held back/.test(totals), `the run panel gives the dry run's writes: ${totals}`)
  if (p.loop) expect(/\d+ items: \d+ would succeed, \d+ failed, \d+ skipped/.test(totals), `and its items: ${totals}`)
  await page.click('[data-testid="open-run"]')
  await page.waitForSelector('[data-testid="run-detail-status"]:has-text("Completed")')
  const w = await writes(page)
  expect(w.text.includes('no write, email or webhook was sent') && w.sent === 0, `the dry run sent nothing: ${w.text.slice(0, 300)}`)
  if (p.loop) {
    const counts = await page.textContent('[data-testid="item-counts"]')
    const badge = /(\d+) items: (\d+) would succeed/.exec(counts)
    expect(badge, `the loop's counts say what a dry run would do: ${counts}`)
    await page.click(`[data-testid="step-result"] >> nth=1 >> button.head`)
    await page.locator('[data-testid="item"]').first().waitFor()
    const ok = page.locator('[data-testid="item"][data-status="ok"] .badge')
    if (await ok.count()) expect((await ok.first().textContent()) === 'would succeed', `an item of a dry run: ${await ok.first().textContent()}`)
    expect((await page.textContent('[data-filter="ok"]')).startsWith('Would succeed'), 'its filter')
  }
  if (p.stat) {
    await page.click(`[data-testid="step-result"] >> nth=0 >> button.head`)
    const label = await page.textContent('[data-testid="stat-type"]')
    expect(label === p.stat, `the stat type shows by its label, got ${label}`)
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
  const last = await page.textContent('[data-testid="last-dry"]')
  expect(last.includes(`would have sent ${held.toLocaleString('en-US')} write`), `the question names the dry run's writes: ${last}`)
  if (p === presets[0]) {
    // After an edit the dry run's count no longer speaks for the next run;
    // undoing the edit brings it back.
    await page.click('[role="dialog"] button:has-text("Cancel")')
    await page.click('[data-step="s1"] .card-head')
    const stepName = page.locator('[data-step="s1"] input[name="step-name"]')
    await stepName.fill(`${await stepName.inputValue()} (renamed)`)
    await page.locator('[data-testid="undo"]:not([disabled])').waitFor()
    await page.click('[data-testid="run-now"]')
    await page.waitForSelector('[role="dialog"]:has-text("for real?")')
    expect((await page.locator('[data-testid="last-dry"]').count()) === 0, 'an edited automation does not quote the dry run of its old steps')
    await page.click('[role="dialog"] button:has-text("Cancel")')
    await page.locator('[data-step="s1"] .card-head').click()
    await page.click('[data-testid="undo"]')
    await page.click('[data-testid="run-now"]')
    await page.waitForSelector('[role="dialog"] [data-testid="last-dry"]')
  }
  await page.click('[role="dialog"] [data-testid="confirm"]')
  await page.waitForSelector('[data-testid="run-panel"]:not(:has-text("Dry run")) [data-testid="run-status"]:has-text("Completed")', { timeout: 60000 })
  if (held) {
    const totals = await page.textContent('[data-testid="run-totals"]')
    expect(totals.includes(`Writes: ${held} sent, 0 not sent`), `the run panel gives the run's writes: ${totals}`)
    if (p.loop) expect(/\d+ items: \d+ succeeded, 0 failed, \d+ skipped/.test(totals), `and its items: ${totals}`)
  }
  await page.click('[data-testid="open-run"]')
  await page.waitForSelector('[data-testid="run-detail-status"]:has-text("Completed")')
  const w = await writes(page)
  expect(w.sent === held && w.held === 0, `the run sent the ${held} writes the dry run held back: ${w.text.slice(0, 300)}`)
  await page.click('summary:has-text("Variables at the end")')
}

/** Whether every option of a select reads whole in the closed select:
 * each option's text, measured in the select's font, fits its box less
 * the arrow. Returns the options that do not. */
async function cutOptions(page, selector) {
  return page.locator(selector).first().evaluate((sel) => {
    const cs = getComputedStyle(sel)
    const ctx = document.createElement('canvas').getContext('2d')
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
    const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 18
    return [...sel.options].filter((o) => ctx.measureText(o.textContent).width > room).map((o) => o.textContent)
  })
}

/** How many lines an element's text takes. */
const linesOf = (page, selector) => page.locator(selector).first().evaluate((el) => {
  const lh = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2
  return Math.round(el.getBoundingClientRect().height / lh)
})

/** Runs fn with the window at 1024x700, the smallest the layout promises. */
async function small(page, fn) {
  await page.setViewportSize({ width: 1024, height: 700 })
  try {
    await fn()
  } finally {
    await page.setViewportSize({ width: 1280, height: 860 })
  }
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

  await r.test('the window calls templates Actions, and the Automations header and selects fit a small window', async () => {
    await go('connections')
    await page.click('[data-testid="connection-item"]:has-text("Demo tracker")')
    const tools = await page.locator('.tools button').allTextContents()
    expect(tools.includes('Actions…') && !tools.some((t) => /Templates/.test(t)), `the connection's buttons: ${tools}`)
    await small(page, async () => {
      expect((await cutOptions(page, 'select[name="rateMode"]')).length === 0, `rate limit options cut: ${await cutOptions(page, 'select[name="rateMode"]')}`)
      await go('automations')
      const hint = '[data-testid="automations-hint"]'
      const whole = await page.locator(hint).evaluate((el) => el.scrollWidth <= el.clientWidth)
      expect((await linesOf(page, hint)) === 1 && whole, `the header hint takes ${await linesOf(page, hint)} lines, whole: ${whole}`)
      const full = await page.getAttribute(hint, 'title')
      expect(!(await page.textContent(hint)).includes('affdesk') && full.includes('affdesk run'), `the command line is named in the tooltip only: ${full}`)
      await page.locator('[data-testid="automation-item"]', { hasText: presets[0].name }).last().click()
      const desc = '[data-testid="automation-description"]'
      const lines = await linesOf(page, desc)
      expect(lines >= 2 && lines <= 3, `the long description shows on ${lines} lines`)
      await shots('newcomer-description', desc)
    })
  })

  await r.test('pagination counts left unset show empty with their defaults and save as 0; the kinds read whole', async () => {
    await go('templates')
    await page.click('[data-testid="new-template"]')
    await page.click('[data-preset="affise.partners.list"]')
    await page.fill('input[name="template-name"]', 'Affiliates, paged')
    await small(page, async () => {
      for (const f of ['pagination-max', 'pagination-size']) {
        const [v, ph] = [await page.inputValue(`input[name="${f}"]`), await page.getAttribute(`input[name="${f}"]`, 'placeholder')]
        expect(v === '' && /default/.test(ph), `${f} shows "${v}", placeholder "${ph}"`)
      }
      expect((await cutOptions(page, 'select[name="pagination-kind"]')).length === 0, `pagination kinds cut: ${await cutOptions(page, 'select[name="pagination-kind"]')}`)
      await shots('newcomer-pagination', 'select[name="pagination-kind"]')
    })
    await page.click('[data-testid="save-template"]')
    await page.waitForSelector('text=Saved “Affiliates, paged”.')
    const pg = await page.evaluate(async () => (await window.go.gui.TemplatesAPI.List()).find((t) => t.name === 'Affiliates, paged').pagination)
    expect(pg.maxPages === 0 && pg.size === 0, `saved ${JSON.stringify(pg)}`)
  })

  await r.test('a saved notice goes on the next change, in each editor', async () => {
    // Each edit sets a value other than the one in the field, so it is a real change.
    const change = async (sel, a, b) => page.fill(sel, (await page.inputValue(sel)) === a ? b : a)
    const edits = [
      ['templates', '[data-testid="save-template"]', () => change('input[name="retries"]', '2', '1')],
      ['connections', 'button[type="submit"]', () => change('input[name="connectTimeout"]', '12', '13')],
      ['automations', '[data-testid="save-automation"]', () => change('[name="automation-description"]', 'Changed after saving', 'Changed again')],
    ]
    for (const [where, save, edit] of edits) {
      if (where === 'connections') {
        await go('connections')
        await page.click('[data-testid="connection-item"]:has-text("Demo tracker")')
      }
      if (where === 'automations') {
        await go('automations')
        await page.locator('[data-testid="automation-item"]', { hasText: presets[0].name }).last().click()
      }
      await page.click(save)
      // The save has finished (its button is back), so the edit below comes after it.
      await page.waitForFunction((sel) => {
        const b = document.querySelector(sel)
        return b && !b.disabled && !b.textContent.includes('…')
      }, save)
      await page.waitForSelector('.notice.ok:has-text("Saved “")')
      await edit()
      await page.waitForSelector('[data-testid="unsaved-badge"]')
      const gone = await page.waitForSelector('.notice.ok:has-text("Saved “")', { state: 'detached', timeout: 2000 }).then(() => true, () => false)
      expect(gone, `the ${where} notice stays beside Unsaved`)
    }
  })

  await r.test('a Get step lists reads; a step bound to another kind keeps it, marked; a blank condition needs setup', async () => {
    await page.evaluate(async () => {
      const api = window.go.gui
      const tpls = await api.TemplatesAPI.List()
      const del = tpls.find((t) => t.method === 'DELETE')
      await api.AutomationsAPI.Save({ id: 0, name: 'Bound to a write', description: '', trigger: { kind: 'manual' },
        steps: [{ id: 's1', kind: 'action_get', name: '', templateId: del.id, values: {}, selections: [] }] })
    })
    await page.reload()
    await page.waitForFunction(() => window.go?.gui?.AutomationsAPI?.List, null, { timeout: 20000 })
    await go('automations')
    await page.locator('[data-testid="automation-item"]', { hasText: 'Bound to a write' }).click()
    await page.click('[data-step="s1"] .card-head')
    const opts = await page.locator('[data-step="s1"] select[name="step-template"]').evaluate((sel) =>
      [...sel.options].map((o) => ({ text: o.textContent, off: o.disabled || !!o.parentElement.disabled, on: o.selected })))
    const pickable = opts.filter((o) => !o.off && o.text !== 'Choose…')
    const bound = pickable.find((o) => o.on)
    expect(bound && bound.text.startsWith('⚠ DELETE'), `the bound DELETE template stays chosen and marked: ${JSON.stringify(bound)}`)
    expect(pickable.filter((o) => !o.on).every((o) => o.text.startsWith('GET ')), `only reads can be picked: ${pickable.map((o) => o.text)}`)
    expect(opts.some((o) => o.off && /^(POST|PUT|PATCH|DELETE) /.test(o.text)), 'writes show under Other kinds, not to be picked')
    await page.waitForSelector('[data-testid="wrong-kind"]')
    await page.click('[data-testid="add-step"]')
    await page.click('[data-kind="condition"]')
    const cond = page.locator('[data-step]').last()
    await cond.locator('[data-testid="setup-required"]').waitFor()
    expect((await cond.locator('.summary').first().textContent()).startsWith('No rule yet'), 'the blank condition says so')
    await small(page, () => shots('newcomer-blank-condition', '[data-testid="setup-required"] >> nth=-1'))
  })

  await r.test('a schedule time is typed on the 24-hour clock, checked, and its labels line up', async () => {
    await go('automations')
    await page.locator('[data-testid="automation-item"]', { hasText: presets[1].name }).last().click()
    await leaveUnsaved(page, page.locator('input[name="schedule-time"]'))
    await page.fill('input[name="schedule-time"]', '17:30')
    await page.waitForSelector('[data-testid="schedule-editor"] :text("at 17:30")')
    await page.fill('input[name="schedule-time"]', '9 PM')
    await page.waitForSelector('[data-testid="schedule-editor"] .error-text')
    await page.fill('input[name="schedule-time"]', '7:05')
    await page.waitForSelector('[data-testid="schedule-editor"] :text("at 07:05")')
    const tops = await page.locator('[data-testid="schedule-editor"] .form .label').evaluateAll((ls) => ls.map((l) => Math.round(l.getBoundingClientRect().top)))
    expect(tops.length >= 2 && tops[0] === tops[1], `the On and At labels line up: ${tops}`)
    await shots('newcomer-schedule', '[data-testid="schedule-editor"]')
  })

  await r.test('variable names in a run keep whole in a small window', async () => {
    await go('runs')
    await page.locator('[data-testid="run-item"]', { hasText: presets[0].name }).first().click()
    await small(page, async () => {
      await page.click('[data-testid="step-result"] >> nth=1 >> button.head')
      const name = page.locator('[data-testid="var-name"]', { hasText: '{items_succeeded}' }).first()
      await name.waitFor()
      expect((await linesOf(page, '[data-testid="var-name"]:has-text("{items_succeeded}")')) === 1, 'the name holds on one line')
      await shots('newcomer-variables', '[data-testid="variables"]')
    })
    await go('automations')
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
