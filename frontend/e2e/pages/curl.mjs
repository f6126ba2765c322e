// cURL import: a command pasted into the Actions page's Import menu lands
// on the stored Demo connection and its template answers 200.
import { expect } from '../harness.mjs'

/** The demo tracker's address, read from a Demo template copied as cURL
 * (with each parameter's example filled in, as the editor would). */
async function demoOrigin(page) {
  return page.evaluate(async () => {
    const api = window.go.gui.TemplatesAPI
    const demo = (await window.go.gui.ConnectionsAPI.List()).find((c) => c.platform === 'demo')
    const tpl = (await api.List()).find((t) => t.connectionId === demo.id && t.method === 'GET')
    const sample = { date: '2024-01-01', datetime: '2024-01-01T00:00:00Z' }
    const value = (p) => p.example || p.default || (p.enum && p.enum[0]) || sample[p.type] || '1'
    const values = Object.fromEntries(tpl.params.map((p) => [p.name, value(p)]))
    const cmd = await api.CopyAsCurl(tpl.id, values, false)
    return new URL(cmd.match(/curl '([^']+)'/)[1]).origin
  })
}

export default async function curl({ r, page, go, shots }) {
  await r.test('a pasted cURL command for the Demo tracker imports onto Demo and tests 200', async () => {
    await go('templates')
    const origin = await demoOrigin(page)
    expect(origin.startsWith('http://127.0.0.1:'), `the demo tracker is on loopback, got ${origin}`)
    await page.click('[data-testid="import-menu"]')
    await shots('import-menu', '[data-testid="import-curl"]')
    await page.click('[data-testid="import-curl"]')
    await page.fill('[data-testid="curl-text"]', `curl '${origin}/3.0/admin/partners?limit=1' \\\n  -H 'API-Key: demo-api-key-0000'`)
    await page.click('[data-testid="curl-read"]')
    const plan = await page.textContent('[data-testid="source-plan"]')
    expect(plan.includes('Demo tracker') && plan.includes('already saved'), `the plan uses the stored Demo connection, got ${plan}`)
    await shots('source-plan', '[data-testid="source-plan"]')
    await page.click('[data-testid="source-import"]')
    await page.waitForSelector('[data-testid="source-result"]')
    expect((await page.textContent('[data-testid="source-result"]')).includes('1 added'), 'one template added')
    await shots('source-result', '[data-testid="source-result"]')
    await page.click('[data-testid="source-done"]')
    await page.click('[data-testid="template-item"]:has-text("Get admin partners")')
    await page.click('[data-testid="open-test"]')
    await page.click('[data-testid="send-test"]')
    await page.waitForSelector('[data-testid="response-status"]')
    const status = await page.textContent('[data-testid="response-status"]')
    expect(status.startsWith('200'), `status 200, got ${status}`)
  })

  await r.test('Copy as cURL shows the saved template with its secret masked', async () => {
    await page.click('[data-testid="copy-curl"]')
    const cmd = await page.textContent('[data-testid="curl-command"]')
    expect(cmd.includes('/3.0/admin/partners') && !cmd.includes('demo-api-key-0000') && cmd.includes('••••'), `masked command, got ${cmd}`)
    await shots('curl-copy', '[data-testid="curl-command"]')
    await page.keyboard.press('Escape')
  })
}
