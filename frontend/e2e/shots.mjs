// Screenshots of one screen at three common window sizes, in the light and
// the dark theme, for a person to look at.
import { join } from 'node:path'

/** The window sizes every screen is shot at: a large laptop, the most common
 * small laptop screen, and the smallest window the layout promises to fit. */
export const sizes = [['-1280x900', 1280, 900], ['-1366x768', 1366, 768], ['-1024x700', 1024, 700]]

/** The harness's own window, restored after each set. */
const home = { width: 1280, height: 860 }

/** Returns shots(name, focus?): six PNGs of the page, focus scrolled into view first. */
export function screenSets(page, out) {
  return async function shots(name, focus) {
    try {
      for (const [tag, width, height] of sizes) {
        await page.setViewportSize({ width, height })
        if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded()
        for (const scheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme: scheme })
          await page.screenshot({ path: join(out, `${name}${tag}-${scheme}.png`) })
        }
      }
    } finally {
      await page.setViewportSize(home)
      await page.emulateMedia({ colorScheme: 'light' })
    }
  }
}
