/** The policy a rendered email runs under: nothing is fetched (no images,
 * fonts or styles from the network, which would tell their senders the run
 * was opened), no scripts; inline styles and data: images still show. */
export const emailPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"

/** The srcdoc of an email's frame: its HTML behind a Content-Security-Policy
 * that comes first, so it binds before any of the email's own markup. */
export function emailDocument(html: string): string {
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${emailPolicy}"><meta charset="utf-8">${html}`
}
