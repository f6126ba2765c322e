/** A parameter as the template editor holds it. */
export interface ParamLike {
  name: string
  in: string
  type: string
  required: boolean
  default: string
  enum: string[]
  description: string
  example?: string
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/

/** Returns the placeholder names in a path, in order, or an error message for a malformed brace. */
export function parsePlaceholders(path: string): { names: string[]; error?: string } {
  const names: string[] = []
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '}') return { names, error: `A '}' at position ${i + 1} closes no placeholder.` }
    if (path[i] !== '{') continue
    const end = path.indexOf('}', i)
    if (end < 0) return { names, error: `The '{' at position ${i + 1} is never closed.` }
    const name = path.slice(i + 1, end)
    if (!NAME.test(name)) return { names, error: `{${name}} is not a valid placeholder name (use letters, digits and _).` }
    names.push(name)
    i = end
  }
  return { names }
}

/**
 * Adds a required string path parameter for each placeholder that has none, so typing
 * `{id}` into the path is enough. Never removes a parameter: the editor flags stale ones.
 */
export function syncPathParams<P extends ParamLike>(path: string, params: P[], make: (name: string) => P): P[] {
  const { names } = parsePlaceholders(path)
  const have = new Set(params.filter((p) => p.in === 'path').map((p) => p.name))
  const added = names.filter((n, i) => !have.has(n) && names.indexOf(n) === i).map(make)
  return added.length ? [...params, ...added] : params
}

/** Path parameters whose placeholder is gone from the path. */
export function stalePathParams(path: string, params: ParamLike[]): string[] {
  const names = new Set(parsePlaceholders(path).names)
  return params.filter((p) => p.in === 'path' && !names.has(p.name)).map((p) => p.name)
}

/** A fresh path parameter for a placeholder. */
export function pathParam(name: string): ParamLike {
  return { name, in: 'path', type: 'string', required: true, default: '', enum: [], description: '' }
}
