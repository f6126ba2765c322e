// Connections: the rate-limit choices, the plain-http warning, and the
// Skip TLS verification warning and mark.
import { expect } from '../harness.mjs'

const limitOf = (name) => `[data-testid="connection-item"]:has-text("${name}") [data-testid="connection-limit"]`

export default async function connections({ r, page, go, shots }) {
  await r.test('the rate limit offers Platform default, Custom and No limit; each saves and the list says so', async () => {
    await go('connections')
    await page.click('[data-testid="connection-item"]:has-text("Demo tracker")')
    const options = await page.locator('select[name="rateMode"] option').allTextContents()
    expect(options.length === 3 && options[0].startsWith('Platform default') && options[1] === 'Custom' && options[2] === 'No limit', `rate limit choices: ${options}`)
    await page.selectOption('select[name="rateMode"]', 'custom')
    await page.fill('input[name="rateRequests"]', '5')
    await page.click('button[type="submit"]')
    await page.waitForSelector(`${limitOf('Demo tracker')}:text-is("Max 5 per second")`)
    await page.selectOption('select[name="rateMode"]', 'off')
    expect((await page.locator('input[name="rateRequests"]').count()) === 0, 'No limit asks for no number')
    await page.waitForSelector('.field:has(select[name="rateMode"]) .hint:has-text("paces nothing")')
    await page.click('button[type="submit"]')
    await page.waitForSelector(`${limitOf('Demo tracker')}:text-is("No rate limit")`)
    const saved = await page.evaluate(async () => (await window.go.gui.ConnectionsAPI.List()).find((c) => c.platform === 'demo').rateLimit)
    expect(saved.off === true && saved.requests === 0, `saved as no limit, got ${JSON.stringify(saved)}`)
    expect((await page.inputValue('select[name="rateMode"]')) === 'off', 'the editor reopens on No limit')
    await shots('connection-rate-limit', 'select[name="rateMode"]')
  })

  await r.test('a plain http:// address of another machine warns; loopback and https do not', async () => {
    await page.click('[data-testid="new-connection"]')
    await page.click('[data-platform="custom"]')
    await page.fill('input[name="name"]', 'Self-hosted tracker')
    await page.fill('input[name="base_url"]', 'http://10.1.2.3:8080/api')
    const warning = page.locator('[data-testid="plain-http-warning"]')
    await warning.waitFor()
    expect((await warning.textContent()).includes('unencrypted'), 'the warning says why')
    await shots('connection-plain-http', '[data-testid="plain-http-warning"]')
    await page.fill('input[name="base_url"]', 'http://localhost:8080/api')
    await warning.waitFor({ state: 'detached' })
    await page.fill('input[name="base_url"]', 'https://127.0.0.1:1')
    expect((await warning.count()) === 0, 'no warning for https')
  })

  await r.test('Skip TLS verification warns, and the saved connection is marked in the list and the template picker', async () => {
    expect((await page.locator('[data-testid="tls-warning"]').count()) === 0, 'no TLS warning before the box is ticked')
    await page.check('input[name="skip_tls_verify"]')
    const warning = await page.textContent('[data-testid="tls-warning"]')
    expect(warning.includes('not be checked'), `TLS warning, got ${warning}`)
    await page.fill('input[name="api_key"]', 'k-self-hosted-0042')
    await page.click('button[type="submit"]')
    await page.click('[data-testid="save-anyway"]')
    await page.waitForSelector('text=Saved “Self-hosted tracker”.')
    await page.waitForSelector('[data-testid="connection-item"]:has-text("Self-hosted tracker") [data-testid="tls-mark"]')
    expect((await page.locator('[data-testid="connection-item"]:has-text("Demo tracker") [data-testid="tls-mark"]').count()) === 0, 'Demo is not marked')
    expect(await page.isChecked('input[name="skip_tls_verify"]'), 'the saved connection keeps the choice')
    await shots('connection-tls', '[data-testid="tls-warning"]')

    await go('templates')
    await page.click('[data-testid="new-template"]')
    const id = await page.evaluate(async () => (await window.go.gui.ConnectionsAPI.List()).find((c) => c.name === 'Self-hosted tracker').id)
    await page.selectOption('select[name="preset-connection"]', String(id))
    await page.click('[data-testid="blank-template"]')
    const picked = await page.locator('select[name="template-connection"] option:checked').textContent()
    expect(picked.includes('Self-hosted tracker') && picked.includes('TLS unchecked'), `the picker marks it, got ${picked}`)
    await page.waitForSelector('.field:has(select[name="template-connection"]) [data-testid="tls-mark"]')
    const demo = await page.locator('select[name="template-connection"] option:has-text("Demo tracker")').textContent()
    expect(!demo.includes('TLS'), `Demo is not marked, got ${demo}`)
    await shots('template-tls-connection', 'select[name="template-connection"]')
  })
}
