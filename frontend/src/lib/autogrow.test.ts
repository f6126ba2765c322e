import { describe, expect, it } from 'vitest'
import { grownHeight } from './autogrow'

describe('grownHeight', () => {
  it.each([
    ['one line keeps its own height', 34, 20, 14, 3, 34],
    ['two lines grow', 54, 20, 14, 3, 54],
    ['three lines is the most', 74, 20, 14, 3, 74],
    ['more than three lines stops at three and scrolls', 200, 20, 14, 3, 74],
  ])('%s', (_, content, line, padding, max, want) => expect(grownHeight(content, line, padding, max)).toBe(want))
})
