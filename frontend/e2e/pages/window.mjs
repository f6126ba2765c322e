// The window as a whole: accessibility (axe-core) on every page and open
// dialog in both themes, dialogs that keep the keyboard inside them, and a
// layout that fits a 1024×700 window.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect } from '../harness.mjs'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const pages = ['connections', 'templates', 'automations', 'runs', 'settings']

/** Serious and critical axe violations on the page now, as readable lines. */
async function violations(page, scope) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  const found = await page.evaluate(async (sel) => {
    const res = await window.axe.run(sel ? document.querySelector(sel) : document, { resultTypes: ['violations'] })
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`)
  }, scope)
  return found
}

/** Runs axe in the light and the dark theme, collecting what it finds under a label. */
async function audit(page, label, problems, scope) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForTimeout(50)
    for (const v of await violations(page, scope)) problems.push(`${label} [${scheme}] ${v}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Elements that reach past the right edge of the card or pane that holds them, or pages that scroll sideways. */
async function spills(page) {
  return page.evaluate(() => {
    const out = []
    const boxes = [...document.querySelectorAll('.card, .detail-pane, .list-pane, .page-head')]
    for (const box of boxes) {
      const b = box.getBoundingClientRect()
      if (!b.width) continue
      for (const el of box.querySelectorAll('*')) {
        const r = el.getBoundingClientRect()
        if (!r.width || !r.height || el.closest('[role="listbox"]')) continue
        if (getComputedStyle(el).position === 'fixed') continue
        let clip = el.parentElement
        let clipped = false
        while (clip && clip !== box) {
          const o = getComputedStyle(clip)
          if (o.overflowX !== 'visible') { clipped = true; break }
          clip = clip.parentElement
        }
        if (clipped) continue
        if (r.right > b.right + 1 || r.left < b.left - 1) {
          out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}" spills out of ${box.className.split(' ')[0]}`)
          break
        }
      }
    }
    for (const el of [document.documentElement, document.querySelector('main.content'), document.querySelector('.detail-pane')]) {
      if (el && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`)
    }
    return out
  })
}

export default async function windowChecks({ r, page, go, shots, out }) {
  await r.test('axe finds no serious or critical problem on any page, light or dark', async () => {
    const problems = []
    for (const id of pages) {
      await go(id)
      await page.waitForSelector('main.content h1')
      const first = page.locator('.list-pane .list-item').first()
      if (await first.count()) await first.click()
      await audit(page, id, problems)
    }
    expect(problems.length === 0, `axe:\n  ${problems.join('\n  ')}`)
  })

  await r.test('axe finds no serious or critical problem in the dialogs and editors', async () => {
    const problems = []
    const dialogs = [
      ['templates', '[data-testid="new-template"]', 'new template'],
      ['automations', '[data-testid="new-automation"]', 'new automation'],
      ['automations', '[data-testid="import-automations"]', 'import'],
      ['settings', 'button.about', 'about'],
    ]
    for (const [id, opener, label] of dialogs) {
      await go(id)
      await page.click(opener)
      await page.waitForSelector('[role="dialog"]')
      await audit(page, label, problems)
      await page.keyboard.press('Escape')
      await page.waitForSelector('[role="dialog"]', { state: 'detached' })
    }
    await go('connections')
    await page.click('[data-testid="new-connection"]')
    await page.click('[data-platform="impact"]')
    await audit(page, 'new connection', problems)
    await go('automations')
    await page.click('[data-testid="automation-item"]')
    const head = page.locator('[data-step] .card-head').first()
    await head.click()
    await audit(page, 'step editor', problems)
    expect(problems.length === 0, `axe:\n  ${problems.join('\n  ')}`)
  })

  await r.test('a dialog keeps Tab and Shift+Tab inside, closes on Escape, and gives focus back to its opener', async () => {
    await go('automations')
    await page.focus('[data-testid="new-automation"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[role="dialog"]')
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))
    expect(await inside(), 'focus moves into the dialog')
    const seen = new Set()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      expect(await inside(), `Tab ${i + 1} left the dialog`)
      seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80)))
    }
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await inside(), `Shift+Tab ${i + 1} left the dialog`)
    }
    expect(seen.size > 1, 'Tab moves between controls')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[role="dialog"]', { state: 'detached' })
    const back = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    expect(back === 'new-automation', `focus returns to the opener, got ${back}`)

    await go('connections')
    await page.click('[data-testid="connection-item"]')
    await page.click('button.danger:has-text("Delete")')
    await page.waitForSelector('[role="dialog"]')
    expect(await inside(), 'the confirmation takes focus')
    await page.keyboard.press('Shift+Tab')
    expect(await inside(), 'Shift+Tab from the first control wraps inside')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[role="dialog"]', { state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim()) === 'Delete', 'focus returns to Delete')
  })

  await r.test('a connection form names every field in error at once, each once, and keeps a bad URL as typed', async () => {
    await go('connections')
    await page.click('[data-testid="new-connection"]')
    await page.click('[data-platform="custom"]')
    await page.fill('input[name="base_url"]', 'not a url')
    await page.selectOption('select[name="rateMode"]', 'custom')
    await page.fill('input[name="rateRequests"]', '-3')
    await page.fill('input[name="totalTimeout"]', '900')
    await page.click('button[type="submit"]')
    await page.waitForSelector('.field:has(input[name="base_url"]) .error-text')
    const texts = await page.locator('form .error-text').allTextContents()
    const want = ['Name is required', 'not a web address', 'Rate limit must be a positive', 'Request timeout must be between']
    for (const w of want) expect(texts.filter((t) => t.includes(w)).length === 1, `one "${w}" error, got ${JSON.stringify(texts)}`)
    expect((await page.locator('form .notice.bad').count()) === 0, 'no notice repeats a field error')
    expect((await page.inputValue('input[name="base_url"]')) === 'not a url', 'the URL stays as typed')
    expect(texts.some((t) => t.includes('"not a url"')) && !texts.some((t) => t.includes('https://not a url')), `the URL is quoted as typed: ${texts}`)
    await shots('connection-errors', 'input[name="base_url"]')
  })

  await r.test('an impact.com custom limit starts per hour, as its hint says', async () => {
    await page.click('[data-testid="new-connection"]')
    await page.click('[data-testid="unsaved-discard"]')
    await page.click('[data-platform="impact"]')
    await page.selectOption('select[name="rateMode"]', 'custom')
    const ph = await page.getAttribute('input[name="rateRequests"]', 'placeholder')
    const per = await page.inputValue('select[name="ratePer"]')
    expect(ph === '1000' && per === 'hour', `placeholder ${ph} per ${per}`)
  })

  await r.test('an empty automation name is marked on its field; Run waits for a step', async () => {
    await go('automations')
    await page.click('[data-testid="new-automation"]')
    await page.click('[data-testid="blank-automation"]')
    expect(await page.isDisabled('[data-testid="run-now"]') && await page.isDisabled('[data-testid="dry-run"]'), 'no steps, no run')
    await page.fill('input[name="automation-name"]', '')
    await page.click('[data-testid="save-automation"]')
    const err = await page.textContent('[data-testid="name-error"]')
    expect(err.includes('Name is required'), `name error, got ${err}`)
    expect(await page.getAttribute('input[name="automation-name"]', 'aria-invalid') === 'true', 'the field is marked')
    expect((await page.locator('[data-testid="automation-error"]').count()) === 0, 'the notice does not repeat it')
  })

  await r.test('the timezone picker filters, moves and chooses by keyboard, keeping focus', async () => {
    await go('connections')
    await page.click('[data-testid="connection-item"]')
    const tz = page.getByRole('combobox', { name: 'Reporting timezone' })
    await tz.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('new york')
    await page.keyboard.press('Enter')
    expect((await tz.inputValue()) === 'America/New_York', `chosen ${await tz.inputValue()}`)
    expect(await tz.evaluate((el) => el === document.activeElement), 'focus stays in the field')
    await tz.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('berl')
    await page.keyboard.press('Escape')
    expect((await tz.inputValue()) === 'America/New_York', 'Escape keeps the choice')
  })

  await r.test('runs say who started them in plain words, and no request carries a required mark', async () => {
    await go('runs')
    await page.click('[data-testid="run-item"]')
    const line = await page.textContent('.detail-pane p.hint')
    expect(/Started .+ by (hand|schedule|webhook)|from the command line/.test(line) && !line.includes('manual'), `started line: ${line}`)
    const marks = await page.evaluate(() => [...document.querySelectorAll('.detail-pane *')].filter((el) => getComputedStyle(el, '::after').content === '" *"').length)
    expect(marks === 0, `${marks} red asterisks in the run`)
  })

  await r.test('at 1024×700 the list pane hides on request and nothing spills out of its card', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    try {
      const problems = []
      for (const id of pages) {
        await go(id)
        const first = page.locator('.list-pane .list-item').first()
        if (await first.count()) await first.click()
        for (const s of await spills(page)) problems.push(`${id}: ${s}`)
        for (const scheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme: scheme })
          await page.screenshot({ path: `${out}/narrow-${id}-${scheme}.png` })
        }
        await page.emulateMedia({ colorScheme: 'light' })
      }
      await go('connections')
      await page.click('[data-testid="list-toggle"]')
      expect(await page.locator('.list-pane').isHidden(), 'the list hides')
      const wide = await page.evaluate(() => document.querySelector('.detail-pane').getBoundingClientRect().width)
      for (const s of await spills(page)) problems.push(`connections, list hidden: ${s}`)
      await shots('narrow-list-hidden')
      await page.click('[data-testid="list-toggle"]')
      expect(await page.locator('.list-pane').isVisible(), 'the list comes back')
      expect(wide > 700, `the editor takes the width, got ${wide}`)
      expect(problems.length === 0, `layout:\n  ${problems.join('\n  ')}`)
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 })
    }
  })
}
