// The Actions page's request view: the sticky request bar, parameters
// beside the response (or in tabs), search over a large response tree, the
// raw view with Copy, totals that agree with All requests, the preset picker.
import { createServer } from 'node:http'
import { join } from 'node:path'
import { expect } from '../harness.mjs'

/** Serves a JSON list of `rows` records (about 330 bytes each) on 127.0.0.1. */
async function bigServer(rows) {
  const parts = []
  for (let i = 0; i < rows; i++) {
    parts.push(JSON.stringify({ id: `r-${i}`, name: `Record ${i}`, payout: `${i % 97}.25`, note: 'n'.repeat(240), tag: i === rows - 7 ? 'needle-far' : 'plain' }))
  }
  const body = Buffer.from(`{"records":[${parts.join(',')}],"total":${rows}}`)
  const srv = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length })
    res.end(body)
  })
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok))
  return { srv, url: `http://127.0.0.1:${srv.address().port}`, size: body.length }
}

/** Saves a custom connection and a GET template on it through the bound API. */
async function bigTemplate(page, url) {
  await page.evaluate(async (base) => {
    const api = window.go.gui
    const c = await api.ConnectionsAPI.Save({ id: 0, name: 'Big local API', platform: 'custom', timezone: 'UTC', settings: { base_url: base, auth_mode: 'none' }, secrets: {} })
    await api.TemplatesAPI.Save({ id: 0, name: 'Big list', connectionId: c.id, platform: 'custom', kind: 'get', method: 'GET', path: '/records', params: [], bodyEncoding: 'json', retries: 0 })
  }, url)
}

async function openTemplate(page, go, name) {
  await go('templates')
  await page.reload()
  await page.waitForFunction(() => window.go?.gui?.TemplatesAPI?.List, null, { timeout: 20000 })
  await page.click('nav [data-page="templates"]')
  await page.click(`[data-testid="template-item"]:has-text("${name}")`)
}

/** Shoots the page as it stands (this window size) in the light and the dark theme. */
async function themed(page, out, name) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: join(out, `${name}-${scheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

const box = (page, sel) => page.locator(sel).first().boundingBox()

export default async function requestview({ r, page, go, out, shots }) {
  const big = await bigServer(60000)
  try {
    await r.test('the request bar holds method, base URL and path, and Send, and stays in view as the form scrolls', async () => {
      await bigTemplate(page, big.url)
      await openTemplate(page, go, 'Big list')
      const bar = page.locator('[data-testid="request-bar"]')
      expect((await bar.locator('.base').textContent()).trim() === big.url, 'the base URL shows beside the path')
      expect((await bar.locator('input[name="template-path"]').inputValue()) === '/records', 'the path is in the bar')
      await page.locator('select[name="template-encoding"]').scrollIntoViewIfNeeded()
      const b = await box(page, '[data-testid="request-bar"]')
      const pane = await box(page, '.detail-pane')
      expect(b && Math.abs(b.y - pane.y) < 24, `the bar sticks to the top of the editor, at ${b?.y} vs ${pane.y}`)
      expect(await page.isVisible('[data-testid="send-test"]'), 'Send stays visible')
    })

    await r.test('a 20 MB response is searched in Go: n of m, Enter steps, a far match is revealed without expanding everything', async () => {
      await page.setViewportSize({ width: 1920, height: 1000 })
      await page.click('[data-testid="send-test"]')
      await page.waitForSelector('[data-testid="response-status"]', { timeout: 60000 })
      const search = page.locator('[data-testid="tree-search"]')
      await search.fill('needle-far')
      await page.waitForSelector('[data-testid="match-count"]:has-text("1 of 1")')
      const far = page.locator(`[data-path="$.records[${60000 - 7}].tag"]`)
      await far.waitFor()
      expect(await far.locator('mark').count() === 1, 'the match is highlighted')
      const rows = await page.locator('[data-testid="json-tree"] li.node').count()
      expect(rows < 600, `only the way to the match is loaded, got ${rows} rows`)
      await search.fill('record 1234')
      await page.waitForSelector('[data-testid="match-count"]:has-text("of 11")')
      expect((await page.textContent('[data-testid="match-count"]')).startsWith('1 of 11'), 'starts at the first match')
      await search.press('Enter')
      await page.waitForSelector('[data-testid="match-count"]:has-text("2 of 11")')
      await search.press('Shift+Enter')
      await search.press('Shift+Enter')
      await page.waitForSelector('[data-testid="match-count"]:has-text("11 of 11")')
      await page.locator('.line.current').waitFor()
      await search.fill('payout')
      await page.waitForSelector('[data-testid="match-count"]:has-text("of 60000 (first 2000 listed)")')
      await shots('requestview-search', '[data-testid="tree-search"]')
      await page.locator('[data-path="$.records[0].payout"]').click()
      expect((await page.textContent('[data-testid="picked-path"]')) === '$.records[0].payout', 'a click still picks the path')
    })

    await r.test('parameters and the response sit side by side on a wide editor, in tabs on a narrow one', async () => {
      await page.setViewportSize({ width: 1920, height: 1000 })
      await page.click('[data-testid="response-tab"]')
      const params = await box(page, 'section[aria-label="Parameters"]')
      const resp = await box(page, 'section[aria-label="Response"]')
      expect(params && resp && resp.x > params.x + params.width - 1 && Math.abs(resp.y - params.y) < 4, `side by side: ${JSON.stringify([params, resp])}`)
      await themed(page, out, 'requestview-wide')
      await page.setViewportSize({ width: 1024, height: 700 })
      expect(!(await page.isVisible('section[aria-label="Parameters"]')), 'narrow: the response tab hides the parameters')
      await page.click('[data-testid="open-test"]')
      expect(await page.isVisible('section[aria-label="Parameters"]') && !(await page.isVisible('section[aria-label="Response"]')), 'narrow: the Parameters tab shows them alone')
      await themed(page, out, 'requestview-narrow-params')
      await page.click('[data-testid="response-tab"]')
      expect(await page.isVisible('section[aria-label="Response"]'), 'narrow: the Response tab')
      await themed(page, out, 'requestview-narrow-response')
    })

    await r.test('the raw view caps what it renders, says so, and Copy copies the whole body', async () => {
      await page.setViewportSize({ width: 1280, height: 860 })
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await page.click('[data-testid="raw-tab"]')
      await page.waitForSelector('[data-testid="raw-text"]')
      const note = await page.textContent('[data-testid="raw-note"]')
      expect(note.includes('Showing the first 256 KiB') && note.includes('Copy copies all of it'), `raw note, got ${note}`)
      const shown = await page.evaluate(() => document.querySelector('[data-testid="raw-text"]').textContent.length)
      expect(shown <= 262144, `at most 256 KiB rendered, got ${shown}`)
      await page.click('[data-testid="copy-raw"]')
      await page.waitForSelector('[data-testid="copy-raw"]:has-text("Copied")', { timeout: 20000 })
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      expect(copied.length > big.size && JSON.parse(copied).records.length === 60000, `all of it copied, got ${copied.length} chars`)
      await shots('requestview-raw', '[data-testid="raw-view"]')
    })

    await r.test('the summary and All requests agree on time and size for the same test', async () => {
      await go('templates')
      await page.click('[data-testid="new-template"]')
      const id = await page.evaluate(async () => (await window.go.gui.ConnectionsAPI.List()).find((c) => c.platform === 'demo').id)
      await page.selectOption('select[name="preset-connection"]', String(id))
      await page.click('[data-preset="impact.actions.list"]')
      await page.fill('#val-query-PageSize', '2000')
      await page.click('[data-testid="send-test"]')
      await page.waitForSelector('[data-testid="response-status"]')
      const summary = (await page.locator('[data-testid="response-summary"] .fig').allTextContents()).join(' · ')
      await page.click('[data-testid="requests-tab"]')
      const row = await page.locator('[data-testid="exchanges"] tbody tr').first().locator('td').allTextContents()
      const totals = await page.textContent('[data-testid="exchange-totals"]')
      expect(summary === `${row[4]} · ${row[5]}`, `summary ${summary} vs the request's row ${row[4]} · ${row[5]}`)
      expect(totals.includes(`1 request · ${row[4]} · ${row[5]}`), `totals line ${totals}`)
    })

    await r.test('the preset picker searches first, groups by platform, and takes a preset by keyboard', async () => {
      await go('templates')
      await page.click('[data-testid="new-template"]')
      const id = await page.evaluate(async () => (await window.go.gui.ConnectionsAPI.List()).find((c) => c.platform === 'demo').id)
      await page.selectOption('select[name="preset-connection"]', String(id))
      await page.waitForSelector('[data-testid="preset-group"]')
      const groups = await page.locator('[data-testid="preset-group"]').allTextContents()
      expect(groups.length >= 2 && groups.some((g) => g.includes('impact')), `grouped by platform: ${groups}`)
      const firstHeading = await page.locator('[role="dialog"] h3').first().textContent()
      expect(firstHeading === 'From a preset', `presets come first, got ${firstHeading}`)
      await shots('requestview-presets', '[data-testid="preset-search"]')
      await page.click('[data-testid="preset-search"]')
      await page.keyboard.type('delete reverse')
      const shown = await page.locator('[data-preset]').count()
      expect(shown >= 1, `the search filters by method and name, ${shown} shown`)
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowUp')
      const want = await page.locator('[data-preset]').first().getAttribute('data-preset')
      await page.keyboard.press('Enter')
      // The editor before it may hold changes: taking a preset asks about them first.
      await page.waitForFunction(() => document.querySelector('[data-testid="unsaved-dialog"]') || !document.querySelector('[role="dialog"]'))
      if (await page.locator('[data-testid="unsaved-dialog"]').count()) await page.click('[data-testid="unsaved-discard"]')
      await page.waitForSelector('[role="dialog"]', { state: 'detached' })
      await page.waitForFunction(() => document.querySelector('select[name="template-method"]')?.value === 'DELETE', null, { timeout: 5000 }).catch(() => {})
      const method = await page.inputValue('select[name="template-method"]')
      expect(method === 'DELETE' && want.includes('reverse'), `Enter took ${want}, method ${method}`)
    })

    await r.test('the Split long date ranges checkbox keeps its size at a narrow window', async () => {
      await page.setViewportSize({ width: 1024, height: 700 })
      await openTemplate(page, go, 'Big list')
      const cb = await box(page, 'input[name="splitRanges"]')
      expect(cb && cb.width >= 15 && cb.height >= 15, `checkbox ${JSON.stringify(cb)}`)
      await page.locator('input[name="splitRanges"]').scrollIntoViewIfNeeded()
      await themed(page, out, 'requestview-split-check')
      await page.setViewportSize({ width: 1280, height: 860 })
    })
  } finally {
    big.srv.close()
    await page.setViewportSize({ width: 1280, height: 860 })
  }
}
