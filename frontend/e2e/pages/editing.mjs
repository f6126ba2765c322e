// Safe editing: the unsaved-changes question, "Unsaved" only after a real
// change, Ctrl+S, undo and redo in the builder, and save errors that stay
// on their step while steps move.
import { expect } from '../harness.mjs'

const badge = '[data-testid="unsaved-badge"]'
const order = (page) => page.locator('ol.chain:not(.nested) > li.link').evaluateAll((els) => els.map((e) => e.dataset.step).join(','))

/** Saves, through the bound API, two templates and an automation of several step kinds on Demo. */
async function seed(page) {
  await page.evaluate(async () => {
    const api = window.go.gui
    let demo = (await api.ConnectionsAPI.List()).find((c) => c.platform === 'demo')
    demo ??= await api.ConnectionsAPI.Save({ name: 'Demo tracker', platform: 'demo', settings: {}, timezone: 'UTC', rateLimit: { requests: 0, per: '' }, secrets: {}, clearSecrets: [] })
    const preset = await api.TemplatesAPI.FromPreset('impact.actions.list', demo.id)
    const a = await api.TemplatesAPI.Save({ ...preset, name: 'Edit guard A' })
    await api.TemplatesAPI.Save({ ...preset, name: 'Edit guard B' })
    await api.AutomationsAPI.Save({ id: 0, name: 'Edit guard kinds', description: '', trigger: { kind: 'manual' }, steps: [
      { id: 's1', kind: 'action_get', name: 'List pending actions', templateId: a.id, values: { CampaignId: '1000' } },
      { id: 's2', kind: 'pull_stats', name: 'Stats', stats: { connectionId: demo.id, statType: '', datePreset: 'yesterday', mode: 'dataset' } },
      { id: 's3', kind: 'condition', name: 'Any?', match: 'all', rules: [{ left: '1', op: 'gt', right: '0' }] },
      { id: 's4', kind: 'send_webhook', name: 'Tell the team', webhook: { url: 'https://example.com/hook', method: 'POST', bodyKind: 'json', body: '{}' } },
    ] })
  })
  await page.reload()
  await page.waitForFunction(() => window.go?.gui?.ConnectionsAPI?.List, null, { timeout: 20000 })
}

/** Whether Ctrl+S, sent to the page now, is held back from the browser. */
function saveKeyHeldBack(page) {
  return page.evaluate(() => {
    const e = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true })
    document.body.dispatchEvent(e)
    return e.defaultPrevented
  })
}

export default async function editing({ r, page, go, shots }) {
  await r.test('Unsaved shows only after a real change: opening, testing and opening steps do not set it; changing back clears it', async () => {
    await seed(page)
    await go('templates')
    await page.click('[data-testid="template-item"]:has-text("Edit guard A")')
    await page.click('[data-testid="open-test"]')
    await page.click('[data-testid="send-test"]')
    await page.waitForSelector('[data-testid="response-status"]')
    await page.click('button[role="tab"]:has-text("Request sent")')
    expect((await page.locator(badge).count()) === 0, 'testing a template is not a change')
    await page.fill('input[name="template-name"]', 'Edit guard A2')
    await page.waitForSelector(badge)
    await page.fill('input[name="template-name"]', 'Edit guard A')
    await page.waitForSelector(badge, { state: 'detached' })

    await go('automations')
    await page.click('[data-testid="automation-item"]:has-text("Edit guard kinds")')
    for (const id of ['s1', 's2', 's3', 's4']) {
      await page.click(`[data-step="${id}"] .card-head`)
      await page.waitForSelector(`[data-step="${id}"] .body`)
    }
    await page.click('[data-step="s4"] .card-head')
    expect((await page.locator(badge).count()) === 0, 'opening every kind of step is not a change')
    expect(await page.isDisabled('[data-testid="undo"]'), 'nothing to undo after opening steps')
    await page.click('[data-testid="add-schedule"]')
    await page.waitForSelector(badge)
    await page.click('[data-testid="remove-schedule"]')
    await page.waitForSelector(badge, { state: 'detached' })

    await go('connections')
    await page.click('[data-testid="connection-item"]:has-text("Demo tracker")')
    expect((await page.locator(badge).count()) === 0, 'opening a connection is not a change')
    await page.fill('input[name="totalTimeout"]', '42')
    await page.waitForSelector(badge)
    await page.fill('input[name="totalTimeout"]', '')
    await page.waitForSelector(badge, { state: 'detached' })
  })

  await r.test('leaving a changed template asks Save, Discard or Stay; Escape stays; focus stays in the question', async () => {
    await go('templates')
    await page.click('[data-testid="template-item"]:has-text("Edit guard A")')
    await page.fill('input[name="template-name"]', 'Edit guard A changed')
    await page.click('[data-testid="template-item"]:has-text("Edit guard B")')
    await page.waitForSelector('[data-testid="unsaved-dialog"]:has-text("Edit guard A changed")')
    expect((await page.evaluate(() => document.activeElement?.dataset.testid)) === 'unsaved-stay', 'Stay, the safe answer, has focus')
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]')), 'Tab stays in the question')
    await shots('unsaved-dialog', '[data-testid="unsaved-dialog"]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid="unsaved-dialog"]', { state: 'detached' })
    expect((await page.inputValue('input[name="template-name"]')) === 'Edit guard A changed', 'Stay keeps the edit')

    await page.click('nav [data-page="automations"]')
    await page.click('[data-testid="unsaved-discard"]')
    await page.waitForSelector('h1:has-text("Automations")')
    await go('templates')
    await page.click('[data-testid="template-item"]:has-text("Edit guard A")')
    expect((await page.inputValue('input[name="template-name"]')) === 'Edit guard A', 'Discard dropped the edit')
  })

  await r.test('Save in the question moves on once saved; a refused save stays with its error', async () => {
    await page.fill('input[name="template-name"]', '')
    await page.click('[data-testid="template-item"]:has-text("Edit guard B")')
    await page.click('[data-testid="unsaved-save"]')
    await page.waitForSelector('.error-text:has-text("Name is required.")')
    expect((await page.inputValue('input[name="template-name"]')) === '', 'still on the refused template')
    await page.fill('input[name="template-name"]', 'Edit guard A saved')
    await page.click('[data-testid="template-item"]:has-text("Edit guard B")')
    await page.click('[data-testid="unsaved-save"]')
    await page.waitForFunction(() => document.querySelector('input[name="template-name"]')?.value === 'Edit guard B')
    const names = await page.evaluate(async () => (await window.go.gui.TemplatesAPI.List()).map((t) => t.name))
    expect(names.includes('Edit guard A saved'), `saved before moving on, got ${names}`)
  })

  await r.test('Ctrl+S saves the editor in view, says so in the Save title, and does nothing when nothing changed', async () => {
    expect((await page.getAttribute('[data-testid="save-template"]', 'title')).includes('Ctrl+S'), 'the Save title names Ctrl+S')
    await page.fill('textarea[name="template-notes"]', 'saved from the keyboard')
    await page.keyboard.press('Control+s')
    await page.waitForSelector('text=Saved “Edit guard B”.')
    await page.waitForSelector(badge, { state: 'detached' })
    const count = async () => (await page.evaluate(async () => (await window.go.gui.TemplatesAPI.List()).length))
    const before = await count()
    expect(await saveKeyHeldBack(page), 'the browser’s own Save is held back')
    await page.keyboard.press('Control+s')
    expect((await count()) === before && (await page.locator('[role="alert"]').count()) === 0, 'nothing to save, nothing done')

    await go('connections')
    await page.click('[data-testid="connection-item"]:has-text("Demo tracker")')
    await page.fill('input[name="totalTimeout"]', '42')
    await page.keyboard.press('Control+s')
    await page.waitForSelector('text=Saved “Demo tracker”.')
    const saved = await page.evaluate(async () => (await window.go.gui.ConnectionsAPI.List()).find((c) => c.platform === 'demo').timeouts.totalSeconds)
    expect(saved === 42, `the timeout was saved, got ${saved}`)
  })

  // The close itself (beforeunload) is covered by the unit test of holdUnload:
  // a synthetic beforeunload here would also close the dev build's binding socket.
  await r.test('a reload with unsaved changes asks first', async () => {
    await page.fill('input[name="totalTimeout"]', '43')
    await page.keyboard.press('F5')
    await page.waitForSelector('[data-testid="unsaved-dialog"]')
    await page.keyboard.press('Escape')
    expect((await page.inputValue('input[name="totalTimeout"]')) === '43', 'Stay keeps the edit')
    await page.fill('input[name="totalTimeout"]', '42')
  })

  await r.test('quitting the window with unsaved changes asks first, and Stay keeps the app and the edit', async () => {
    await page.fill('input[name="totalTimeout"]', '44')
    await page.waitForSelector(badge)
    // What the window sends this page when its close would quit the app;
    // delivered to this page alone (an emit would also reach the dev
    // build's own window, whose clean page would quit the app).
    await page.evaluate(() => window.wails.EventsNotify(JSON.stringify({ name: 'app:confirm-quit', data: [] })))
    await page.waitForSelector('[data-testid="unsaved-dialog"]')
    await page.click('[data-testid="unsaved-stay"]')
    expect((await page.inputValue('input[name="totalTimeout"]')) === '44', 'Stay keeps the edit')
    expect(await page.evaluate(async () => typeof (await window.go.gui.SettingsAPI.Info()).version === 'string'), 'the app is still running')
    await page.fill('input[name="totalTimeout"]', '42')
  })

  await r.test('the builder undoes and redoes adding, deleting and moving steps, names what it undoes, and merges typing', async () => {
    await go('automations')
    await page.click('[data-testid="new-automation"]')
    await page.click('[data-testid="blank-automation"]')
    for (const kind of ['approval', 'approval', 'send_email']) {
      await page.click('[data-testid="add-step"]')
      await page.click(`[data-kind="${kind}"]`)
    }
    await page.click('[data-step="s1"] .card-head')
    await page.fill('[data-step="s1"] input[name="step-name"]', 'List pending actions')
    await page.click('[data-step="s1"] .card-head')
    await page.click('button[aria-label="Delete step 1"]')
    await page.waitForSelector('[data-testid="deleted-notice"]:has-text("Deleted step “List pending actions”")')
    const title = await page.getAttribute('[data-testid="undo"]', 'title')
    expect(title.startsWith('Undo delete step “List pending actions”'), `undo names the deletion, got ${title}`)
    await shots('builder-undo', '[data-testid="deleted-notice"]')
    await page.click('[data-testid="deleted-notice"] button')
    expect((await order(page)) === 's1,s2,s3', `undo brings the step back, got ${await order(page)}`)
    expect((await page.locator('[data-testid="deleted-notice"]').count()) === 0, 'the notice goes')
    await page.keyboard.press('Control+y')
    expect((await order(page)) === 's2,s3', `Ctrl+Y redoes, got ${await order(page)}`)
    await page.keyboard.press('Control+z')
    expect((await order(page)) === 's1,s2,s3', `Ctrl+Z undoes, got ${await order(page)}`)

    await page.click('button[aria-label="Move step 1 down"]')
    expect((await order(page)) === 's2,s1,s3', 'moved')
    await page.keyboard.press('Control+z')
    expect((await order(page)) === 's1,s2,s3', `a move undoes, got ${await order(page)}`)
    await page.click('[data-testid="redo"]')
    expect((await order(page)) === 's2,s1,s3', 'and redoes')
    await page.click('[data-testid="undo"]')

    await page.click('[name="automation-description"]')
    await page.keyboard.type('Checks every morning')
    await page.click('h1:has-text("Automations")')
    expect((await page.getAttribute('[data-testid="undo"]', 'title')).startsWith('Undo edit the description'), 'typing is named after its field')
    await page.click('[data-testid="undo"]')
    expect((await page.inputValue('[name="automation-description"]')) === '', 'one undo takes back the whole run of typing')
    expect((await order(page)) === 's1,s2,s3', 'and nothing else')

    await page.click('[name="automation-description"]')
    await page.keyboard.type('xy')
    await page.keyboard.press('Control+z')
    expect((await order(page)) === 's1,s2,s3', 'inside a text field Ctrl+Z is the field’s own undo, not the builder’s')
  })

  await r.test('a save error on a step stays on that step as steps move, are deleted and come back', async () => {
    await page.click('[data-step="s3"] .card-head')
    await page.fill('[data-step="s3"] input[name="email-to"]', 'ops@example.com')
    await page.fill('[data-step="s3"] input[name="email-subject"]', 'Hello {nope}')
    await page.click('[data-testid="save-automation"]')
    await page.waitForSelector('[data-step="s3"] .badge.bad')
    const where = async () => page.evaluate(() => [...document.querySelectorAll('[data-step]')].filter((li) => li.querySelector(':scope > article > .head-row .badge.bad')).map((li) => `${li.dataset.step}@${li.querySelector('.num').textContent}`).join(','))
    expect((await where()) === 's3@3', `the error is on step 3, got ${await where()}`)
    await page.click('button[aria-label="Move step 3 up"]')
    expect((await where()) === 's3@2', `moved up, the error follows, got ${await where()}`)
    await page.click('button[aria-label="Delete step 1"]')
    expect((await where()) === 's3@1', `a step above deleted, the error follows, got ${await where()}`)
    await page.click('[data-testid="undo"]')
    expect((await where()) === 's3@2', `undone, the error follows, got ${await where()}`)
    await shots('builder-step-error', '[data-step="s3"]')
  })
}
