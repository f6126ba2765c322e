// Automations import: the plan, the clash choice, the result counts, and a
// malformed file's error naming the record and field.
import { expect } from '../harness.mjs'

/** A one-automation bundle on its own Demo connection, as an export writes it. */
async function bundle(page) {
  return page.evaluate(async () => {
    const api = window.go.gui
    const demo = (await api.ConnectionsAPI.List()).find((c) => c.platform === 'demo')
    const tpl = { ...(await api.TemplatesAPI.FromPreset('impact.actions.list', demo.id)), id: 7, connectionId: 3, name: 'Imported: list actions' }
    return {
      format: 'affdesk.automations', version: 1, appVersion: '0.1.0',
      connections: [{ id: 3, name: 'Imported Demo', platform: 'demo', settings: {}, timezone: 'UTC', rateLimit: { requests: 0, per: '' }, timeouts: { connectSeconds: 0, totalSeconds: 0 } }],
      templates: [tpl],
      automations: [{ id: 9, name: 'Imported: pending actions', description: '', trigger: { kind: 'manual' },
        steps: [{ id: 's1', kind: 'action_get', name: 'List pending', templateId: 7, values: { CampaignId: '1000', State: 'PENDING' } }] }],
    }
  })
}

async function choose(page, name, data) {
  const open = page.locator('[role="dialog"] button[aria-label="Close"]')
  if (await open.count()) await open.first().click()
  await page.click('[data-testid="import-automations"]')
  await page.setInputFiles('[data-testid="import-file"]', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data, null, 2)) })
}

const result = () => '[data-testid="import-result"]'

/** Imports the chosen file and returns the result's lines (the dialog's text if it failed). */
async function importIt(page) {
  await page.click('[data-testid="import-confirm"]')
  await page.waitForSelector(`${result()}, [role="dialog"] [role="alert"]`)
  const lines = await page.locator(`${result()} p`).allTextContents()
  return lines.length ? lines : [await page.textContent('[role="dialog"]')]
}

export default async function imports({ r, page, go, shots }) {
  let file
  await r.test('importing a bundle shows its plan, then what was added', async () => {
    await go('automations')
    file = await bundle(page)
    await choose(page, 'pending.json', file)
    const plan = await page.textContent('[data-testid="import-plan"]')
    expect(plan.includes('pending.json') && /1 connection\b/.test(plan) && /1 template\b/.test(plan) && /1 automation\b/.test(plan), `plan, got ${plan}`)
    const names = await page.textContent('[data-testid="import-names"]')
    expect(names.includes('Imported: pending actions') && names.includes('Imported Demo'), `the plan names what it holds, got ${names}`)
    expect((await page.locator('[data-testid="import-clashes"]').count()) === 0, 'no clash the first time')
    await shots('import-plan', '[data-testid="import-plan"]')
    const lines = await importIt(page)
    expect(['Connections: 1 added', 'Templates: 1 added', 'Automations: 1 added'].every((l) => lines.includes(l)), `result, got ${lines}`)
    await page.click('[role="dialog"] button:has-text("Done")')
    await page.waitForSelector('[data-testid="automation-item"]:has-text("Imported: pending actions")')
  })

  await r.test('importing it again offers rename, replace or skip, and counts what each did', async () => {
    await choose(page, 'pending.json', file)
    const clashes = page.locator('[data-testid="import-clashes"]')
    await clashes.waitFor()
    const legend = await clashes.locator('legend').textContent()
    expect(legend.includes('1 connection') && legend.includes('1 template') && legend.includes('1 automation'), `clash summary, got ${legend}`)
    const choices = await clashes.locator('input[name="on-clash"]').evaluateAll((els) => els.map((e) => e.value))
    expect(choices.join(',') === 'rename,replace,skip', `choices, got ${choices}`)
    expect(await clashes.locator('input[value="rename"]').isChecked(), 'rename is the default')
    await shots('import-clashes', '[data-testid="import-clashes"]')
    await clashes.locator('input[value="replace"]').check()
    let lines = await importIt(page)
    expect(['Connections: 1 replaced', 'Templates: 1 replaced', 'Automations: 1 replaced'].every((l) => lines.includes(l)), `replace, got ${lines}`)
    await shots('import-result', result())
    await page.click('[role="dialog"] button:has-text("Done")')
    expect((await page.locator('[data-testid="automation-item"]:has-text("Imported: pending actions")').count()) === 1, 'replace added no copy')

    await choose(page, 'pending.json', file)
    await page.locator('[data-testid="import-clashes"] input[value="skip"]').check()
    lines = await importIt(page)
    expect(lines.includes('Automations: 1 skipped'), `skip, got ${lines}`)
    await page.click('[role="dialog"] button:has-text("Done")')

    await choose(page, 'pending.json', file)
    lines = await importIt(page)
    expect(lines.includes('Automations: 1 added') && lines.some((l) => l.includes('Imported: pending actions (2)')), `rename, got ${lines}`)
    await page.click('[role="dialog"] button:has-text("Done")')
    await page.waitForSelector('[data-testid="automation-item"]:has-text("Imported: pending actions (2)")')
  })

  await r.test('a malformed file names the record and field, and nothing can be imported', async () => {
    const bad = structuredClone(file)
    bad.templates[0].method = 'TRACE'
    await choose(page, 'broken.json', bad)
    const err = page.locator('[role="dialog"] [role="alert"]')
    await err.waitFor()
    const text = await err.textContent()
    expect(text.includes('broken.json cannot be imported') && text.includes('template "Imported: list actions", method:'), `error names the template and field, got ${text}`)
    expect(await page.isDisabled('[data-testid="import-confirm"]'), 'Import stays off')
    await shots('import-error', '[role="dialog"] [role="alert"]')
    await page.click('[role="dialog"] button:has-text("Cancel")')
  })
}
