// End-to-end tests of the real UI against the real Go backend.
// Run by `make e2e` under Xvfb after the dev-tagged build.
import { join } from 'node:path'
import { expect, runner, startApp } from './harness.mjs'

const out = process.env.E2E_OUT ?? join(import.meta.dirname, 'out')
const r = runner(out)
const { page, stop, logs, pageErrors } = await startApp()
const shot = (name) => page.screenshot({ path: join(out, `${name}.png`) })

async function go(pageId) {
  if (await page.locator('[role="dialog"]').count()) await page.keyboard.press('Escape')
  await page.click(`nav [data-page="${pageId}"]`)
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

await r.test('a missing required value is named before anything is sent', async () => {
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
  await page.click('[data-testid="open-test"]')
  await page.selectOption('#val-body-DispositionCode', 'CONS_FRAUD')
  await page.click('[data-testid="send-test"]')
  await page.waitForSelector('[role="dialog"]:has-text("Send a real DELETE?")')
  await page.click('[data-testid="confirm"]')
  await page.waitForSelector('[data-testid="response-status"]')
  const tree = await page.textContent('[data-testid="json-tree"]')
  expect(tree.includes('QUEUED'), `impact.com answers QUEUED, got ${tree}`)
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
    for (const c of await window.go.app.ConnectionsAPI.List()) await window.go.app.ConnectionsAPI.Delete(c.id, true)
  })
  await page.reload()
  await page.waitForFunction(() => window.go?.app?.ConnectionsAPI?.List, null, { timeout: 20000 })
  await page.click('[data-testid="try-demo"]')
  await page.waitForSelector('[data-testid="connection-item"]:has-text("Demo tracker")')
  await page.waitForSelector('text=Added the Demo tracker.')
  expect((await page.locator('[data-testid="connection-item"]').count()) === 1, 'exactly one connection')
})

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
