// How a run's recorded values read: a dataset's table, a JSON value's
// tree, or plain text; never raw HTML or a wall of JSON.
import { isLosslessNumber, parse } from 'lossless-json'

/** A dataset as rows of cell texts; numeric says which columns hold
 * numbers; cut, that the record kept only its first rows. */
export interface Table { columns: string[]; rows: string[][]; numeric: boolean[]; cut: boolean }

/** A recorded value, shaped for showing. */
export type Shaped = { kind: 'table'; table: Table } | { kind: 'tree'; value: unknown } | { kind: 'text'; text: string }

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes the entities an HTML escaper writes (&amp; &lt; &#34; …). */
export function unescapeHTML(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return entities[e.toLowerCase()] ?? m
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isFinite(code) ? String.fromCodePoint(code) : m
  })
}

/** Reads the table a dataset variable records ("<table>…<th>…<td>…"), or
 * null when the text is not one. A record cut short (it ends in "…") gives
 * its whole rows, marked cut. Cells are read as text, never as HTML. */
export function parseTable(html: string): Table | null {
  if (!/^\s*<table[\s>]/i.test(html)) return null
  const cut = !/<\/table>\s*$/i.test(html)
  if (cut && !html.endsWith('…')) return null
  const columns = [...html.matchAll(/<th(?:\s[^>]*)?>([\s\S]*?)<\/th>/gi)].map((m) => unescapeHTML(m[1]))
  const body = /<tbody>([\s\S]*?)(<\/tbody>|$)/i.exec(html)?.[1] ?? ''
  const numeric = columns.map(() => false)
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/gi)].map((r) =>
    [...r[1].matchAll(/<td(\s[^>]*)?>([\s\S]*?)<\/td>/gi)].map((c, i) => {
      if (/text-align:\s*right/i.test(c[1] ?? '')) numeric[i] = true
      return unescapeHTML(c[2])
    }))
  return columns.length ? { columns, rows, numeric, cut } : null
}

/** Rewrites a number written in the default format (1,234.56, with an
 * optional sign, currency or % around it) in the number format chosen in
 * Settings ("1.234,56", "1 234,56", "1234.56"); other text is kept. The
 * digits are moved, never computed, so nothing is rounded. */
export function regroup(text: string, format: string): string {
  const m = /^([^\d-]*)(-?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(\D*)$/.exec(text)
  if (!m || format === '1,234.56') return text
  const [, pre, sign, whole, frac, post] = m
  const digits = whole.replaceAll(',', '')
  const group = format === '1.234,56' ? '.' : format === '1 234,56' ? '\u00a0' : ''
  const dec = format === '1234.56' ? '.' : ','
  const grouped = group ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, group) : digits
  return `${pre}${sign}${grouped}${frac !== undefined ? dec + frac : ''}${post}`
}

/** Shapes a recorded value: a dataset table, a JSON object or list as a
 * tree, else the text. */
export function shapeValue(text: string): Shaped {
  const table = parseTable(text)
  if (table) return { kind: 'table', table }
  if (/^\s*[[{]/.test(text)) {
    try {
      const value = parseExact(text)
      if (value && typeof value === 'object') return { kind: 'tree', value }
    } catch {
      /* shown as text */
    }
  }
  return { kind: 'text', text }
}

const idKeys = ['id', 'Id', 'ID', 'uuid', 'key', 'code', 'name', 'email']

/** The fields the engine names an object item by, in its label "Id 1000.1.2". */
const labelKeys = /^(Id|id|ID|affiliate_id|name|Name|title) (.+)$/s

/** The value that names a loop item in a table: from the engine's label
 * ("Id 1000.1.2") its value; for a JSON object, its ID-like field (id, Id,
 * …, or one ending in id / _id), else its first plain value; the preview
 * itself otherwise. */
export function itemId(preview: string): string {
  const label = labelKeys.exec(preview)
  if (label) return label[2]
  let v: unknown
  try {
    v = parseExact(preview)
  } catch {
    return preview
  }
  if (!v || typeof v !== 'object' || Array.isArray(v) || isLosslessNumber(v)) return typeof v === 'string' ? v : preview
  const o = v as Record<string, unknown>
  const plain = (k: string) => o[k] !== null && o[k] !== undefined && (typeof o[k] !== 'object' || isLosslessNumber(o[k]))
  const key = idKeys.find((k) => plain(k)) ?? Object.keys(o).find((k) => /(^|_)id$|Id$/.test(k) && plain(k)) ?? Object.keys(o).find(plain)
  return key ? String(o[key]) : preview
}

/** Parses JSON keeping every number's digits as written (12.10 stays
 * 12.10, an ID past 2^53 stays whole): numbers come back as lossless
 * numbers, which leafText writes out. */
export function parseExact(text: string): unknown {
  return parse(text)
}

/** Whether a parsed value is shown as one leaf: anything but a list or an object. */
export function isLeaf(v: unknown): boolean {
  return !v || typeof v !== 'object' || isLosslessNumber(v)
}

/** A leaf as it reads in a tree: strings quoted, numbers with their own digits. */
export function leafText(v: unknown): string {
  if (isLosslessNumber(v)) return v.value
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

/** The kind of a leaf, for its colour: number, string, boolean or object (null). */
export function leafKind(v: unknown): string {
  return isLosslessNumber(v) ? 'number' : typeof v
}
