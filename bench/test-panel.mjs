// How long a 20 MB response takes to become browsable in the Test panel,
// in the real UI (the dev build in Chromium under Xvfb, as the browser
// suite runs it), and whether the window answers meanwhile. A loopback
// server serves a generated impact.com-like page of about 20 MB.
//   cd frontend && xvfb-run -a node ../bench/test-panel.mjs [runs]
// Not part of make test.
import { createServer } from 'node:http'
import { startApp } from '../frontend/e2e/harness.mjs'

const runs = Number(process.argv[2] ?? 3)
const actions = []
for (let i = 0; actions.length * 270 < 20 << 20; i++) {
  actions.push({ Id: `1000.4636.${100000 + i}`, CampaignId: '1000', State: i % 3 ? 'PENDING' : 'APPROVED', Amount: (i % 997) + '.90',
    Payout: ((i % 89) * 1.5).toFixed(2), Currency: 'USD', PromoCode: i % 50 ? '' : 'TEST', EventDate: '2026-11-20T10:00:00-08:00',
    CustomerId: 'C' + i, Oid: 'ORDER-' + i, ReferringDomain: 'example.com', MediaPartnerName: 'Partner ' + (i % 40) })
}
const body = JSON.stringify({ '@page': '1', '@numpages': '1', Actions: actions })
const server = createServer((req, res) => { res.setHeader('Content-Type', 'application/json'); res.end(body) })
await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
const base = `http://127.0.0.1:${server.address().port}`

const { page, stop } = await startApp()
await page.evaluate(async (url) => {
  const c = await window.go.gui.ConnectionsAPI.Save({ name: 'Big page', platform: 'custom', timezone: 'UTC',
    settings: { base_url: url, auth_mode: 'none', check_path: '/' }, secrets: {}, clearSecrets: [] })
  await window.go.gui.TemplatesAPI.Save({ name: 'Big list', connectionId: c.id, platform: 'custom', kind: 'get', method: 'GET',
    path: '/Actions', bodyEncoding: 'json', params: [], retries: 0 })
}, base)
await page.reload()
await page.waitForSelector('nav [data-page="templates"]')
await page.click('nav [data-page="templates"]')
await page.click('[data-testid="template-item"]:has-text("Big list")')
await page.click('[data-testid="open-test"]')
const times = []
for (let i = 0; i < runs; i++) {
  const start = Date.now()
  await page.click('[data-testid="send-test"]')
  const answered = await page.evaluate(() => new Promise((ok) => { const t = performance.now(); requestAnimationFrame(() => ok(performance.now() - t)) }))
  await page.locator('[data-testid="json-tree"] [data-path="$.Actions"]').waitFor({ timeout: 60000 })
  times.push(Date.now() - start)
  console.log(`run ${i + 1}: browsable after ${times.at(-1)} ms (a frame during the load came after ${answered.toFixed(0)} ms)`)
  await page.click('nav [data-page="templates"]')
  await page.click('[data-testid="template-item"]:has-text("Big list")')
  await page.click('[data-testid="open-test"]')
}
times.sort((a, b) => a - b)
console.log(`${(body.length / (1 << 20)).toFixed(1)} MiB page: median ${times[Math.floor(times.length / 2)]} ms from Send to a browsable tree`)
await stop()
server.close()
