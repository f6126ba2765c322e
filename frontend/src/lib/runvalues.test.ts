import { describe, expect, it } from 'vitest'
import { isLeaf, itemId, leafKind, leafText, parseTable, regroup, shapeValue, unescapeHTML } from './runvalues'

const table = '<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse"><thead><tr><th>Offer</th><th>Revenue</th></tr></thead>' +
  '<tbody><tr><td>Shoes &amp; bags &lt;b&gt;</td><td style="text-align:right">1,234.50</td></tr><tr><td>Hats</td><td style="text-align:right">-7.25</td></tr></tbody></table>'

describe('parseTable', () => {
  it('reads columns, rows and numeric columns, cells as text', () => {
    expect(parseTable(table)).toEqual({ columns: ['Offer', 'Revenue'], rows: [['Shoes & bags <b>', '1,234.50'], ['Hats', '-7.25']], numeric: [false, true], cut: false })
  })
  it('a record cut short gives its whole rows, marked cut', () => {
    const cut = table.slice(0, table.indexOf('<td>Hats') + 6) + '…'
    expect(parseTable(cut)).toEqual({ columns: ['Offer', 'Revenue'], rows: [['Shoes & bags <b>', '1,234.50']], numeric: [false, true], cut: true })
  })
  it.each([['plain text'], ['<b>bold</b>'], ['<table><tr><td>x</td></tr>'], ['<table><thead><tr><th>A</th></tr></thead><tbody>']])('%s is no table', (s) => expect(parseTable(s)).toBeNull())
  it('an empty dataset keeps its columns', () => {
    expect(parseTable('<table><thead><tr><th>A</th></tr></thead><tbody></tbody></table>')).toEqual({ columns: ['A'], rows: [], numeric: [false], cut: false })
  })
})

describe('regroup', () => {
  it.each([
    ['1,234.56', '1.234,56', '1.234,56'],
    ['1,234,567.5', '1 234,56', '1\u00a0234\u00a0567,5'],
    ['-1,234.56', '1234.56', '-1234.56'],
    ['$1,234.00', '1.234,56', '$1.234,00'],
    ['12.5%', '1.234,56', '12,5%'],
    ['1234', '1.234,56', '1.234'],
    ['1,234.56', '1,234.56', '1,234.56'],
    ['Shoes', '1.234,56', 'Shoes'],
    ['2026-11-30', '1.234,56', '2026-11-30'],
  ])('%s in %s', (text, format, want) => expect(regroup(text, format)).toBe(want))
})

describe('shapeValue', () => {
  it('a dataset is a table', () => expect(shapeValue(table).kind).toBe('table'))
  it('a JSON object is a tree', () => {
    const shaped = shapeValue('{"a":[1,2]}')
    expect(shaped.kind).toBe('tree')
    expect(leafText(((shaped as { value: { a: unknown[] } }).value.a)[1])).toBe('2')
  })
  it('a list is a tree', () => expect(shapeValue('[{"a":1}]').kind).toBe('tree'))
  it.each([['42'], ['{not json'], ['a,b,c'], ['"quoted"']])('%s is text', (s) => expect(shapeValue(s)).toEqual({ kind: 'text', text: s }))
})

describe('itemId', () => {
  it.each([
    ['{"Amount":"12","Id":"1000.1.2"}', '1000.1.2'],
    ['{"offer_id":7,"name":"x"}', 'x'],
    ['{"amount":3,"offer_id":7}', '7'],
    ['{"CampaignId":7,"Amount":3}', '7'],
    ['{"nested":{"id":1},"label":"L"}', 'L'],
    ['"plain"', 'plain'],
    ['Id 1000.4636.158133', '1000.4636.158133'],
    ['affiliate_id 42', '42'],
    ['name Acme Media', 'Acme Media'],
    ['Offer 12', 'Offer 12'],
    ['1000.1.2', '1000.1.2'],
    ['{"Id":"1000.1.…', '{"Id":"1000.1.…'],
  ])('%s', (p, want) => expect(itemId(p)).toBe(want))
})

describe('unescapeHTML', () => {
  it('decodes named and numeric entities', () => expect(unescapeHTML('&lt;a&gt; &amp; &#34;b&#34; &#x27;c&#x27; &nope;')).toBe('<a> & "b" \'c\' &nope;'))
})

describe('exact numbers in trees and item IDs', () => {
  it('keeps money digits and long IDs as written', () => {
    const shaped = shapeValue('{"payout":12.10,"id":9007199254740993,"rate":0.1234567890123456789}') as { value: Record<string, unknown> }
    expect(leafText(shaped.value.payout)).toBe('12.10')
    expect(leafText(shaped.value.id)).toBe('9007199254740993')
    expect(leafText(shaped.value.rate)).toBe('0.1234567890123456789')
    expect(leafKind(shaped.value.payout)).toBe('number')
    expect(isLeaf(shaped.value.payout)).toBe(true)
  })
  it('names an item by its long numeric ID, whole', () => expect(itemId('{"offer_id":9007199254740993,"payout":1.50}')).toBe('9007199254740993'))
  it('quotes strings and writes null', () => {
    expect(leafText('a"b')).toBe('"a\\"b"')
    expect(leafText(null)).toBe('null')
    expect(isLeaf(null)).toBe(true)
    expect(isLeaf([1])).toBe(false)
  })
})
