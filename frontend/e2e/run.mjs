// End-to-end tests of the real UI against the real Go backend.
// Run by `make e2e` under Xvfb after the dev-tagged build.
import { join } from 'node:path'
import { expect, runner, startApp } from './harness.mjs'
import connections from './pages/connections.mjs'
import curl from './pages/curl.mjs'
import editing from './pages/editing.mjs'
import imports from './pages/imports.mjs'
import newcomer from './pages/newcomer.mjs'
import requestview from './pages/requestview.mjs'
import runs from './pages/runs.mjs'
import runreading from './pages/runreading.mjs'
import settings from './pages/settings.mjs'
import schedules from './pages/schedules.mjs'
import templates from './pages/templates.mjs'
import tour from './pages/tour.mjs'
import windowChecks from './pages/window.mjs'
import { screenSets } from './shots.mjs'

const out = process.env.E2E_OUT ?? join(import.meta.dirname, 'out')
const r = runner(out)
const { page, stop, logs, pageErrors, dataDir } = await startApp()
const shot = (name) => page.screenshot({ path: join(out, `${name}.png`) })

async function go(pageId) {
  const dialog = page.locator('[role="dialog"]')
  if (await dialog.count()) await page.keyboard.press('Escape')
  if (await dialog.count()) await dialog.locator('button[aria-label="Close"]').first().click()
  await page.click(`nav [data-page="${pageId}"]`)
  // Leaving an editor with unsaved changes asks first; moving on means discarding them.
  const discard = page.locator('[data-testid="unsaved-discard"]')
  if (await discard.count()) await discard.click()
}

async function newDemoConnection() {
  await go('connections')
  await page.click('[data-testid="new-connection"]')
  await page.click('[data-platform="demo"]')
  await page.click('button[type="submit"]')
  await page.waitForSelector('[data-testid="connection-item"]')
}

await r.test('a Demo connection saves after a successful check', async () => {
  await newDemoConnection()
  const items = await page.locator('[data-testid="connection-item"]').allTextContents()
  expect(items.some((t) => t.includes('Demo tracker')), `connection list shows the Demo tracker, got ${items}`)
  await page.waitForSelector('text=Saved “Demo tracker”.')
  await shot('connections')
})

await r.test('a template from the impact.com preset tests against Demo and shows data in the tree', async () => {
  await go('templates')
  await page.click('[data-testid="new-template"]')
  await page.click('[data-preset="impact.actions.list"]')
  await page.click('[data-testid="save-template"]')
  await page.waitForSelector('text=Saved “impact.com: List actions”.')
  await page.click('[data-testid="open-test"]')
  expect(await page.inputValue('#val-query-CampaignId') === '1000', 'the Demo sample CampaignId is prefilled')
  await page.click('[data-testid="send-test"]')
  await page.waitForSelector('[data-testid="response-status"]')
  const status = await page.textContent('[data-testid="response-status"]')
  expect(status.startsWith('200'), `status 200, got ${status}`)
  const tree = page.locator('[data-testid="json-tree"]')
  await tree.locator('[data-path="$.Actions"]').waitFor()
  await tree.locator('[data-path="$.Actions[0]"]').click()
  await tree.locator('[data-path="$.Actions[0].Id"]').click()
  const picked = await page.textContent('[data-testid="picked-path"]')
  expect(picked === '$.Actions[0].Id', `picked path, got ${picked}`)
  const idText = await tree.locator('[data-path="$.Actions[0].Id"]').textContent()
  expect(/"1000\.\d+\.\d+"/.test(idText), `an impact.com action ID shows, got ${idText}`)
  await shot('template-test')
  await page.click('button[role="tab"]:has-text("Request sent")')
  const sent = await page.textContent('[data-testid="sent-request"]')
  expect(sent.includes('Authorization') && sent.includes('Basic ••••'), 'the sent request shows masked auth')
  expect(!sent.includes('demo-auth-token'), 'the token never shows')
})

await r.test('a 60-day impact.com range explains the 45-day rule, and splits into merged windows when asked', async () => {
  await page.click('[data-testid="open-test"]')
  await page.fill('#val-query-ActionDateStart', '2026-09-01T00:00:00Z')
  await page.fill('#val-query-ActionDateEnd', '2026-10-31T00:00:00Z')
  await page.fill('#val-query-PageSize', '2000')
  await page.click('[data-testid="send-test"]')
  const err = await page.textContent('[data-testid="value-error"]')
  expect(err.includes('more than 45 days apart') && err.includes('Split long date ranges'), `45-day rule, got ${err}`)
  await page.click('summary:has-text("tracker rules checked before sending")')
  expect((await page.textContent('[data-testid="tracker-rules"]')).includes('3 years'), 'the rules are listed')
  await page.check('input[name="splitRanges"]')
  await page.click('[data-testid="send-test"]')
  await page.waitForSelector('[data-testid="windows"]')
  expect((await page.textContent('[data-testid="windows"]')) === '2 windows merged', 'two windows')
  await page.click('[data-testid="requests-tab"]')
  const rows = await page.locator('[data-testid="exchanges"] tbody tr').count()
  expect(rows >= 2, `each window's request is listed, got ${rows} rows`)
  expect((await page.textContent('[data-testid="exchanges"]')).includes('window 2'), 'window numbers show')
  await shot('template-split')
  await page.uncheck('input[name="splitRanges"]')
  await page.click('[data-testid="open-test"]')
  await page.fill('#val-query-ActionDateStart', '')
  await page.fill('#val-query-ActionDateEnd', '')
  await page.fill('#val-query-PageSize', '')
})

await r.test('request options save with the template', async () => {
  await page.fill('input[name="retries"]', '5')
  await page.selectOption('select[name="pagination-kind"]', 'page')
  await page.click('[data-testid="save-template"]')
  await page.waitForSelector('.error-text:has-text("carries the page number")')
  await page.selectOption('select[name="pagination-kind"]', 'impact')
  await page.fill('input[name="pagination-items"]', '')
  await page.click('[data-testid="save-template"]')
  await page.waitForSelector('.error-text:has-text("holds the list")')
  await page.fill('input[name="pagination-items"]', 'Actions')
  await page.fill('input[name="pagination-max"]', '4')
  await page.click('[data-testid="save-template"]')
  await page.waitForSelector('text=Saved “impact.com: List actions”.')
  const saved = await page.evaluate(async () => (await window.go.gui.TemplatesAPI.List()).find((t) => t.name === 'impact.com: List actions'))
  expect(saved.retries === 5 && saved.pagination.kind === 'impact' && saved.pagination.maxPages === 4, `saved ${JSON.stringify(saved.pagination)} retries ${saved.retries}`)
})

await r.test('a missing required value is named before anything is sent', async () => {
  await page.click('[data-testid="open-test"]')
  await page.fill('#val-query-CampaignId', '')
  await page.click('[data-testid="send-test"]')
  const err = await page.textContent('[data-testid="value-error"]')
  expect(err.includes('CampaignId is required'), `error names CampaignId, got ${err}`)
  await page.fill('#val-query-CampaignId', '12a')
  await page.click('[data-testid="send-test"]')
  await page.waitForSelector('[data-testid="value-error"]:has-text("not a whole number")')
})

await r.test('an unknown placeholder is an error on the path, and nothing is saved', async () => {
  await page.click('[data-testid="new-template"]')
  await page.click('[data-testid="blank-template"]')
  await page.fill('input[name="template-name"]', 'Broken template')
  await page.fill('input[name="template-path"]', '/partner/{affiliate_id}')
  await page.click('button[aria-label="Remove parameter affiliate_id"]')
  await page.click('[data-testid="save-template"]')
  const err = await page.textContent('[data-testid="path-error"]')
  expect(err.includes('{affiliate_id}') && err.includes('no path parameter'), `path error, got ${err}`)
  await page.fill('input[name="template-path"]', '/partner/{affiliate id}')
  await page.waitForSelector('[data-testid="path-error"]:has-text("not a valid placeholder name")')
  const names = await page.locator('[data-testid="template-item"]').allTextContents()
  expect(!names.some((n) => n.includes('Broken template')), 'the broken template was not saved')
  await shot('template-error')
})

await r.test('a missing name is an error on the name field', async () => {
  await page.fill('input[name="template-name"]', '')
  await page.fill('input[name="template-path"]', '/partners')
  await page.click('[data-testid="save-template"]')
  await page.waitForSelector('.error-text:has-text("Name is required.")')
})

await r.test('a write test asks for confirmation, then sends', async () => {
  await page.click('[data-testid="new-template"]')
  await page.click('[data-preset="impact.actions.reverse"]')
  await page.click('[data-testid="unsaved-discard"]')
  await page.click('[data-testid="open-test"]')
  await page.selectOption('#val-body-DispositionCode', 'CONS_FRAUD')
  await page.click('[data-testid="send-test"]')
  await page.waitForSelector('[role="dialog"]:has-text("Send a real DELETE?")')
  await page.click('[data-testid="confirm"]')
  await page.waitForSelector('[data-testid="response-status"]')
  const tree = await page.textContent('[data-testid="json-tree"]')
  expect(tree.includes('QUEUED'), `impact.com answers QUEUED, got ${tree}`)
  const note = await page.textContent('[data-testid="test-run-record"]')
  expect(/recorded in Runs & Logs as run #\d+/.test(note), `the test names the run that records it, got ${note}`)
  await page.click('[data-testid="open-test-run"]')
  await page.waitForSelector('[data-testid="run-item"].selected:has-text("Test: impact.com: Reverse an action")')
  await page.waitForSelector('[data-testid="run-detail-status"]')
  await page.waitForSelector(`.detail-pane :text("from a template's Test")`)
  const detail = await page.textContent('.detail-pane')
  expect(detail.includes("from a template's Test") && detail.includes('1 sent'), `the test write is recorded as a run, got ${detail}`)
  await go('templates')
})

await r.test('a connection with a missing URL names the field; an unreachable one can be saved anyway', async () => {
  await go('connections')
  await page.click('[data-testid="new-connection"]')
  await page.click('[data-platform="custom"]')
  await page.fill('input[name="name"]', 'Local API')
  await page.click('button[type="submit"]')
  await page.waitForSelector('.error-text:has-text("Base URL is required.")')
  await page.fill('input[name="base_url"]', 'http://127.0.0.1:1')
  await page.fill('input[name="api_key"]', 'k-123456789012')
  await page.click('button[type="submit"]')
  const outcome = page.locator('[data-testid="check-outcome"]')
  await outcome.waitFor()
  expect((await outcome.getAttribute('data-status')) === 'unreachable', 'the check says unreachable')
  await shot('connection-unreachable')
  await page.click('[data-testid="save-anyway"]')
  await page.waitForSelector('text=Saved “Local API”.')
  const placeholder = await page.getAttribute('input[name="api_key"]', 'placeholder')
  expect(placeholder.includes('••••9012') && !placeholder.includes('k-1234'), `the key shows masked, got ${placeholder}`)
})

await r.test('a timeout out of range is an error on its field', async () => {
  await page.fill('input[name="totalTimeout"]', '900')
  await page.click('button[type="submit"]')
  await page.waitForSelector('.error-text:has-text("Request timeout must be between 1 and 600 seconds")')
  await page.fill('input[name="totalTimeout"]', '')
})

await r.test('the response size limit is a setting, checked', async () => {
  await go('settings')
  await page.fill('input[name="maxResponseMB"]', '0')
  await page.click('[data-testid="save-limit"]')
  await page.waitForSelector('.error-text:has-text("between 1 and 2,048 MiB")')
  await page.fill('input[name="maxResponseMB"]', '128')
  await page.click('[data-testid="save-limit"]')
  await page.waitForSelector('text=Responses larger than 128 MiB are now refused.')
  await go('connections')
})

await r.test('deleting a connection that templates use names them', async () => {
  await page.click('[data-testid="connection-item"]:has-text("Demo tracker")')
  await page.click('button.danger:has-text("Delete")')
  const warn = await page.textContent('[data-testid="delete-usage"]')
  expect(warn.includes('impact.com: List actions'), `the warning names the template, got ${warn}`)
  await page.click('[role="dialog"] button:has-text("Cancel")')
})

await r.test('settings say where secrets live; About names the version', async () => {
  await go('settings')
  const note = await page.textContent('[data-testid="secret-note"]')
  expect(/keychain|data file/.test(note), `secret note, got ${note}`)
  await shot('settings')
  await page.click('button.about')
  const version = await page.textContent('[data-testid="about-version"]')
  expect(/Version \d+\.\d+/.test(version), `about shows version, got ${version}`)
  await shot('about')
  await page.keyboard.press('Escape')
})

await r.test('the empty pages exist', async () => {
  await go('automations')
  await page.waitForSelector('h1:has-text("Automations")')
  await go('runs')
  await page.waitForSelector('h1:has-text("Runs & Logs")')
})

await r.test('the Demo shortcut adds a working connection in one click', async () => {
  await page.evaluate(async () => {
    for (const c of await window.go.gui.ConnectionsAPI.List()) await window.go.gui.ConnectionsAPI.Delete(c.id, true)
  })
  await page.reload()
  await page.waitForFunction(() => window.go?.gui?.ConnectionsAPI?.List, null, { timeout: 20000 })
  await page.click('[data-testid="try-demo"]')
  await page.waitForSelector('[data-testid="connection-item"]:has-text("Demo tracker")')
  await page.waitForSelector('text=Added the Demo tracker.')
  expect((await page.locator('[data-testid="connection-item"]').count()) === 1, 'exactly one connection')
})

await r.test('the reverse preset is built on Demo, a field is picked from the tree, then it dry-runs, runs, and shows in Runs & Logs', async () => {
  await go('automations')
  await page.click('[data-testid="new-automation"]')
  await page.click('[data-preset="impact.reverse_test_actions"]')
  await page.waitForSelector('text=with its templates')
  await page.click('[data-step="s1"] .card-head')
  await page.click('[data-testid="test-step"]')
  const tree = page.locator('[data-testid="json-tree"]')
  await tree.locator('[data-path="$.Actions[0]"]').waitFor()
  await tree.locator('[data-path="$.Actions[0]"]').click()
  await tree.locator('[data-path="$.Actions[0].Id"]').click()
  await page.click('[data-testid="use-field"]')
  expect(await page.inputValue('input[aria-label="Variable name"] >> nth=1') === 'Id_action_1', 'the picked field becomes {Id_action_1}')
  await page.click('[data-testid="save-automation"]')
  await page.waitForSelector('text=Saved “Reverse test or fraudulent impact.com actions”.')
  const saved = await page.evaluate(async () => (await window.go.gui.AutomationsAPI.List()).find((a) => a.presetId === 'impact.reverse_test_actions'))
  expect(saved.steps[0].selections.some((s) => s.path === '$.Actions[0].Id' && s.variable === 'Id_action_1'), 'the selection was saved')
  await shot('automation-builder')
  await page.click('[data-step="s1"] .card-head')
  await page.waitForSelector('[data-step="s1"] .body', { state: 'detached' })
  await shot('automation-chain')

  await page.click('[data-testid="dry-run"]')
  await page.waitForSelector('[data-testid="run-status"]:has-text("Completed")', { timeout: 60000 })
  await page.click('[data-testid="open-run"]')
  await page.waitForSelector('[data-testid="run-detail-status"]:has-text("Completed")')
  expect((await page.textContent('.detail-pane')).includes('no write, email or webhook was sent'), 'the dry run says so')
  const dryCounts = await page.textContent('[data-testid="item-counts"]')
  const reversed = Number(/(\d+) would succeed/.exec(dryCounts)[1])
  expect(reversed > 0 && / 0 failed/.test(dryCounts), `dry-run counts: ${dryCounts}`)
  await page.click('[data-testid="step-result"] >> nth=1 >> button.head')
  await page.locator('[data-testid="item"][data-status="ok"]').first().click()
  await page.locator('tr.steps [data-testid="step-result"] button.head').last().click()
  await page.waitForSelector('tr.steps .badge:has-text("would send")')
  await shot('run-dry')

  await go('automations')
  await page.click('[data-testid="automation-item"]:has-text("Reverse test")')
  await page.click('[data-testid="run-now"]')
  await page.click('[role="dialog"] [data-testid="confirm"]')
  await page.waitForSelector('[data-testid="run-panel"]:not(:has-text("Dry run")) [data-testid="run-status"]:has-text("Completed")', { timeout: 60000 })
  await page.click('[data-testid="open-run"]')
  await page.waitForSelector('[data-testid="run-detail-status"]:has-text("Completed")')
  const runCounts = await page.textContent('[data-testid="item-counts"]')
  expect(runCounts.includes(`${reversed} succeeded, 0 failed`), `the run reversed what the dry run showed: ${runCounts} vs ${dryCounts}`)
  expect((await page.locator('[data-testid="run-item"]:has-text("Reverse test")').count()) === 2, 'both runs are listed')
  await page.selectOption('select[name="runs-status"]', 'failed')
  await page.waitForSelector('text=No runs match.')
  await page.selectOption('select[name="runs-status"]', '')
  await shot('runs')
})

await r.test('the builder marks incomplete steps, names unknown variables, and moves steps by keyboard', async () => {
  await go('automations')
  await page.click('[data-testid="automation-item"]:has-text("Reverse test")')
  await page.click('[data-testid="add-step"]')
  await page.click('[data-kind="send_email"]')
  await page.waitForSelector('[data-step="s5"] [data-testid="setup-required"]')
  expect(await page.isDisabled('[data-testid="run-now"]'), 'a run waits for setup')
  await page.fill('[data-step="s5"] input[name="email-to"]', 'ops@example.com')
  await page.fill('[data-step="s5"] input[name="email-subject"]', 'Reversed {items_succeeded} for {nope}')
  await page.waitForSelector('[data-step="s5"] [data-testid="setup-required"]', { state: 'detached' })
  await page.click('[data-testid="save-automation"]')
  const err = await page.textContent('[data-testid="automation-error"]')
  expect(err.includes('uses {nope}, which no step before it sets'), `unknown variable: ${err}`)
  await page.fill('[data-step="s5"] input[name="email-subject"]', 'Reversed {items_')
  await page.waitForSelector('.vi [role="option"]:has-text("items_succeeded")')
  await page.keyboard.press('Enter')
  expect((await page.inputValue('[data-step="s5"] input[name="email-subject"]')) === 'Reversed {items_succeeded}', 'autocomplete inserted the variable')
  await page.focus('[data-step="s5"] .card-head')
  await page.keyboard.press('Alt+ArrowUp')
  const order = await page.locator('ol.chain:not(.nested) > li.link').evaluateAll((els) => els.map((e) => e.dataset.step))
  expect(order.join(',') === 's1,s5,s2', `keyboard move: ${order}`)
  await page.click('button[aria-label="Delete step 2"]')
})

await r.test('the weekly email preset asks for an email account, and runs with the Demo outbox', async () => {
  await go('automations')
  await page.click('[data-testid="new-automation"]')
  await page.click('[data-preset="affise.weekly_stats_email"]')
  await page.waitForSelector('[data-testid="needs-mail"]')
  await page.click('[data-testid="use-outbox"]')
  await page.waitForSelector('[data-testid="needs-mail"]', { state: 'detached' })
  await page.click('[data-testid="run-now"]')
  await page.click('[role="dialog"] [data-testid="confirm"]')
  await page.waitForSelector('[data-testid="run-status"]:has-text("Completed")', { timeout: 60000 })
  await go('settings')
  const box = await page.textContent('[data-testid="outbox"]')
  expect(box.includes('team@example.com') && box.includes('Affiliate stats'), `outbox: ${box}`)
  await page.click('[data-testid="outbox"] button')
  await shot('outbox')
})

// The trust features, page by page; each file's screens are shot at three
// window sizes in both themes.
const ctx = { r, page, go, dataDir, out, shots: screenSets(page, out) }
for (const suite of [connections, templates, curl, requestview, runs, runreading, imports, settings, schedules, editing, windowChecks, newcomer, tour]) await suite(ctx)

await r.test('the dark theme follows the system', async () => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await go('templates')
  await page.click('[data-testid="template-item"]')
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim())
  expect(bg === '#14171c', `dark background, got ${bg}`)
  await shot('templates-dark')
  await page.emulateMedia({ colorScheme: 'light' })
})

await r.test('no uncaught errors in the page', async () => {
  expect(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`)
})

await stop()
const code = r.finish()
if (code !== 0) console.log('--- app log ---\n' + logs.join('').slice(-4000))
process.exit(code)
