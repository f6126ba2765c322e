// Variable names shown in narrow table columns.

/**
 * A variable name as "{name}" in pieces that may each end a line: a
 * line breaks only after an underscore or a dot, never inside a word
 * and never before the closing brace ("{items_" / "succeeded}").
 */
export function nameParts(name: string): string[] {
  return `{${name}}`.split(/(?<=[_.])/)
}
