// Reading runs: Run now asks before a run that writes, the builder shows
// each step's outcome and keeps a run's progress across pages, the run
// detail shows items as a table, datasets as tables and emails rendered,
// runs and automations can be searched, and automations export and import
// back.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { expect } from '../harness.mjs'

/** A loopback server that counts requests for its tracking pixel, to
 * tell whether a rendered email reached the network. */
async function pixelServer() {
  const hits = []
  const srv = createServer((req, res) => {
    if (req.url.startsWith('/open.gif')) hits.push(req.url)
    res.end('')
  })
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve))
  return { hits, url: `http://127.0.0.1:${srv.address().port}/open.gif`, close: () => srv.close() }
}

const writer = 'Reverse pending and tell ops'
const reader = 'Read recent actions'

/** Saves through the bound API a loop that reverses recent Demo actions
 * then emails ops (its HTML tries a script), and a read-only automation. */
async function build(page, pixel) {
  const now = Date.now()
  const iso = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z')
  await page.evaluate(async ({ writer, reader, pixel, from, to }) => {
    const api = window.go.gui
    await api.SettingsAPI.SaveSMTP({ host: 'demo' })
    const demo = (await api.ConnectionsAPI.List()).find((c) => c.platform === 'demo')
    const list = await api.TemplatesAPI.Save({ ...(await api.TemplatesAPI.FromPreset('impact.actions.list', demo.id)), name: 'Recent actions (reading)' })
    const reverse = await api.TemplatesAPI.Save({ ...(await api.TemplatesAPI.FromPreset('impact.actions.reverse', demo.id)), name: 'Reverse (reading)' })
    const get = { id: 's1', kind: 'action_get', name: 'Recent actions', templateId: list.id, values: { CampaignId: '1000', ActionDateStart: from, ActionDateEnd: to },
      selections: [{ path: '$.Actions[*]', variable: 'Actions_action_1' }] }
    await api.AutomationsAPI.Save({ id: 0, name: reader, description: 'Only reads', trigger: { kind: 'manual' }, steps: [get] })
    await api.AutomationsAPI.Save({
      id: 0, name: writer, description: 'Reverses large pending actions', trigger: { kind: 'manual' },
      steps: [get,
        { id: 's2', kind: 'for_each', name: 'Each action', over: 'Actions_action_1', itemName: 'action', concurrency: 4, continueOnError: true, steps: [
          { id: 's3', kind: 'condition', name: 'Over 150?', match: 'all', rules: [{ left: '{action.Amount}', op: 'gt', right: '150' }] },
          { id: 's4', kind: 'action_edit', name: 'Reverse it', templateId: reverse.id, values: { ActionId: '{action.Id}', DispositionCode: 'CONS_FRAUD' } },
        ] },
        { id: 's5', kind: 'send_email', name: 'Tell ops', email: { to: 'ops@example.com', cc: 'lead@example.com', subject: 'Reversed {items_succeeded}',
          html: `<h2 id="hello">Reversed {items_succeeded}</h2><script>parent.document.title = "pwned"</script><img id="pixel" src="${pixel}?run={run_id}">` } },
      ],
    })
  }, { writer, reader, pixel, from: iso(now - 3 * 86400e3), to: iso(now) })
  await page.reload()
  await page.waitForFunction(() => window.go?.gui?.AutomationsAPI?.List, null, { timeout: 20000 })
}

export default async function runreading({ r, page, go, shots, out }) {
  const pixel = await pixelServer()
  await r.test('Run now on an automation that writes asks first, names what it touches, and offers a dry run', async () => {
    await build(page, pixel.url)
    await go('automations')
    await page.click(`[data-testid="automation-item"]:has-text("${writer}")`)
    await page.click('[data-testid="run-now"]')
    const touches = await page.textContent('[role="dialog"] [data-testid="run-touches"]')
    expect(/1 write step/.test(touches) && touches.includes('Demo'), `the write and its connection: ${touches}`)
    expect(touches.includes('ops@example.com') && touches.includes('lead@example.com'), `the recipients: ${touches}`)
    await shots('run-confirm', '[role="dialog"]')
    await page.click('[data-testid="confirm-dry-run"]')
    await page.waitForSelector('[role="dialog"]', { state: 'detached' })
    await page.waitForSelector('[data-testid="run-panel"]:has-text("Dry run") [data-testid="run-status"]', { timeout: 60000 })
    const loop = await page.textContent('[data-step="s2"] [data-testid="step-outcome"]')
    expect(/✓ \d+ of \d+ would succeed/.test(loop) && /skipped/.test(loop), `the loop's counts on its card, as a dry run says them: ${loop}`)
    const mail = await page.textContent('[data-step="s5"] [data-testid="step-outcome"]')
    expect(mail === '✓ would send 1', `the held-back email: ${mail}`)
    expect((await page.textContent('[data-step="s1"] [data-testid="step-outcome"]')) === '✓ ok', 'the read')
    await shots('step-outcomes', '[data-testid="run-panel"]')
  })

  await r.test('a read-only automation runs without asking', async () => {
    await page.click(`[data-testid="automation-item"]:has-text("${reader}")`)
    await page.click('[data-testid="run-now"]')
    await page.waitForSelector('[data-testid="run-panel"] [data-testid="run-status"]:has-text("Completed")', { timeout: 60000 })
    expect((await page.locator('[role="dialog"]').count()) === 0, 'no question for a read')
  })

  await r.test('a real run keeps its panel and result after leaving the page and coming back', async () => {
    await page.click(`[data-testid="automation-item"]:has-text("${writer}")`)
    await page.click('[data-testid="run-now"]')
    await page.click('[role="dialog"] [data-testid="confirm"]')
    await page.waitForSelector('[data-testid="run-panel"] strong:text-matches("^Run [0-9]+$")')
    const head = await page.textContent('[data-testid="run-panel"] strong')
    expect(/^Run \d+$/.test(head), `a real run: ${head}`)
    await go('runs')
    await go('automations')
    await page.click(`[data-testid="automation-item"]:has-text("${writer}")`)
    expect((await page.textContent('[data-testid="run-panel"] strong')) === head, 'the same run is still shown')
    await page.waitForSelector('[data-testid="run-panel"] [data-testid="run-status"]', { timeout: 60000 })
    await page.waitForSelector('[data-step="s2"] [data-testid="step-outcome"]')
  })

  await r.test('the run detail shows items as a filtered, searched table and the email rendered without scripts', async () => {
    await page.click('[data-testid="open-run"]')
    await page.waitForSelector('[data-testid="run-detail-status"]')
    await page.click('[data-testid="step-result"] >> nth=1 >> button.head')
    await page.waitForSelector('[data-testid="item-list"] [data-testid="item"]')
    const all = Number(await page.textContent('[data-filter="all"] .count'))
    expect((await page.locator('[data-testid="item"]').count()) === Math.min(100, all), 'a page of up to 100 rows')
    await page.click('[data-filter="skipped"]')
    await page.waitForSelector('[data-testid="item"]:not([data-status="skipped"])', { state: 'detached' })
    const skipped = await page.locator('[data-testid="item"]').allTextContents()
    expect(skipped.length > 0 && skipped.every((t) => t.includes('Condition not met')), `skipped rows say why: ${skipped[0]}`)
    const id = (await page.locator('[data-testid="item"] td.id').first().textContent()).trim()
    await page.fill('input[name="item-search"]', id)
    await page.waitForSelector(`[data-testid="item-range"]:text-matches("of [1-9]$")`)
    const found = await page.locator('[data-testid="item"]').allTextContents()
    expect(found.length >= 1 && found.every((t) => t.includes(id)), `search by ID ${id}: ${found}`)
    await page.locator('[data-testid="item"]').first().click()
    await page.waitForSelector('tr.steps [data-testid="step-result"]')
    await shots('run-items-table', '[data-testid="item-list"]')
    await page.locator('[data-testid="step-result"]:has-text("Tell ops") button.head').first().click()
    const frame = page.locator('[data-testid="email-frame"]')
    await frame.waitFor()
    expect((await frame.getAttribute('sandbox')) === '', 'the frame is sandboxed with no rights')
    expect((await page.frameLocator('[data-testid="email-frame"]').locator('#hello').textContent()).startsWith('Reversed'), 'the body is rendered')
    expect((await page.title()) !== 'pwned', 'the email\'s script never ran')
    await page.frameLocator('[data-testid="email-frame"]').locator('#pixel').waitFor({ state: 'attached' })
    // The same pixel in a frame without the email's policy does reach the
    // server, so a miss above is the policy's doing.
    await page.evaluate((url) => {
      const f = Object.assign(document.createElement('iframe'), { sandbox: '', srcdoc: `<img src="${url}?control=1">`, hidden: true })
      document.body.append(f)
    }, pixel.url)
    for (let i = 0; i < 50 && !pixel.hits.some((h) => h.includes('control')); i++) await page.waitForTimeout(50)
    expect(pixel.hits.some((h) => h.includes('control')), 'the control frame reached the pixel server')
    expect(!pixel.hits.some((h) => h.includes('run=')), `the email's remote image was never fetched, got ${pixel.hits}`)
    await page.evaluate(() => document.querySelector('iframe[srcdoc*="control=1"]')?.remove())
    expect((await page.textContent('[data-testid="email"]')).includes('lead@example.com'), 'recipients are listed')
    await shots('run-email', '[data-testid="email"]')
    await page.click('[data-testid="email-source"]')
    expect((await page.textContent('[data-testid="email"] pre')).includes('<script>'), 'the source is the raw text')
  })

  await r.test('a dataset variable reads as a table, not raw HTML', async () => {
    await page.fill('input[name="runs-search"]', 'weekly affiliate')
    await page.waitForSelector('[data-testid="run-item"]:not(:has-text("Weekly affiliate"))', { state: 'detached' })
    const listed = await page.locator('[data-testid="run-item"]').allTextContents()
    expect(listed.length >= 1 && listed.every((t) => t.includes('Weekly affiliate')), `run search: ${listed}`)
    await page.click('[data-testid="run-item"]')
    await page.click('summary:has-text("Variables at the end")')
    const table = page.locator('[data-testid="variables"] [data-testid="data-table"]').first()
    await table.waitFor()
    expect((await table.locator('th').count()) > 1 && (await table.locator('tbody tr').count()) > 0, 'columns and rows')
    expect(!(await page.textContent('[data-testid="variables"]')).includes('<table'), 'no raw HTML')
    await shots('run-variables', '[data-testid="variables"]')
    await page.fill('input[name="runs-search"]', 'over 150')
    await page.waitForSelector(`[data-testid="run-item"]:has-text("${writer}")`)
    expect((await page.locator('[data-testid="run-item"]').allTextContents()).every((t) => t.includes(writer)), 'a step name finds its runs')
    await page.fill('input[name="runs-search"]', 'no run says this')
    await page.waitForSelector('text=No runs match.')
    await page.fill('input[name="runs-search"]', '')
  })

  await r.test('the Automations list searches names, steps and templates', async () => {
    await go('automations')
    await page.fill('input[name="automation-search"]', 'reverse (reading)')
    await page.waitForSelector(`[data-testid="automation-item"]:has-text("${reader}")`, { state: 'detached' })
    const names = await page.locator('[data-testid="automation-item"] .title').allTextContents()
    expect(names.length === 1 && names[0] === writer, `by template name: ${names}`)
    await shots('automation-search', '.list-pane')
    await page.fill('input[name="automation-search"]', 'zzz nothing')
    await page.waitForSelector('text=No automation matches')
    await page.fill('input[name="automation-search"]', '')
  })

  await r.test('Export… writes the chosen automation with its templates and no secret, and Import… reads it back', async () => {
    await page.click(`[data-testid="automation-item"]:has-text("${writer}")`)
    await page.click('[data-testid="export-automations"]')
    await page.waitForSelector('[role="dialog"]:has-text("Export automations")')
    await shots('export-dialog', '[role="dialog"]')
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-save"]')])
    const file = join(out, 'exported-automations.json')
    await dl.saveAs(file)
    const text = readFileSync(file, 'utf8')
    const data = JSON.parse(text)
    expect(data.format === 'affdesk.automations' && data.automations.length === 1 && data.automations[0].name === writer, `one automation: ${data.automations?.map((a) => a.name)}`)
    expect(data.templates.length === 2 && data.connections.length === 1, 'its templates and connection')
    expect(!text.includes('demo-auth-token'), 'no secret in the file')
    await page.waitForSelector('text=Exported 1 automation')
    await page.click('[data-testid="import-automations"]')
    await page.setInputFiles('[data-testid="import-file"]', file)
    await page.waitForSelector('[data-testid="import-plan"]')
    await page.click('[data-testid="import-confirm"]')
    await page.waitForSelector('[data-testid="import-result"]')
    await page.keyboard.press('Escape')
    await page.waitForSelector(`[data-testid="automation-item"]:has-text("${writer} (2)")`)
  })
  pixel.close()
}
