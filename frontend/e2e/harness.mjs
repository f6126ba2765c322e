// Starts the dev-tagged AffDesk build (which serves the UI and live Go bindings
// on a local port), opens it in Debian's Chromium through playwright-core, and
// gives tests a page plus tiny assertion helpers.
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

const root = resolve(import.meta.dirname, '..', '..')

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => ok(port))
    })
    srv.on('error', fail)
  })
}

async function waitFor(fn, what, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs
  let last
  while (Date.now() < until) {
    try {
      if (await fn()) return
    } catch (e) {
      last = e
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`)
}

/** Starts the app with a fresh data folder and returns { page, stop, dataDir, logs }. */
export async function startApp({ binary = join(root, 'build/bin/affdesk-dev'), dataDir } = {}) {
  dataDir ??= mkdtempSync(join(tmpdir(), 'affdesk-e2e-'))
  const port = await freePort()
  const logs = []
  const app = spawn(binary, [], {
    cwd: root,
    env: { ...process.env, devserver: `localhost:${port}`, assetdir: join(root, 'frontend/dist'), AFFDESK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  app.stdout.on('data', (d) => logs.push(String(d)))
  app.stderr.on('data', (d) => logs.push(String(d)))
  const url = `http://localhost:${port}/`
  await waitFor(async () => (await fetch(url)).ok, `the app to serve ${url}`)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  const pageErrors = []
  page.on('pageerror', (e) => {
    if (!/reading 'nodes'/.test(e.message)) pageErrors.push(e.message)
  })
  await page.goto(url)
  await page.waitForFunction(() => window.go?.gui?.ConnectionsAPI?.List, null, { timeout: 20000 })
  await page.waitForSelector('nav.sidebar')
  async function stop() {
    await browser.close().catch(() => {})
    app.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { page, stop, dataDir, logs, pageErrors, app }
}

/** A test runner that prints each result and a closing "N passed, N failed" line. */
export function runner(outDir) {
  mkdirSync(outDir, { recursive: true })
  const results = []
  return {
    async test(name, fn) {
      const t0 = Date.now()
      try {
        await fn()
        results.push({ name, ok: true })
        console.log(`ok   ${name} (${Date.now() - t0} ms)`)
      } catch (e) {
        results.push({ name, ok: false })
        console.log(`FAIL ${name}\n     ${e.stack ?? e}`)
      }
    },
    finish() {
      const passed = results.filter((r) => r.ok).length
      const failed = results.length - passed
      console.log(`${passed} passed, ${failed} failed`)
      return failed === 0 && results.length > 0 ? 0 : 1
    },
  }
}

/** Throws unless cond holds. */
export function expect(cond, message) {
  if (!cond) throw new Error(message)
}
