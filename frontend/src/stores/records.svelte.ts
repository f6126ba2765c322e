/** The calls a saved-record store needs from its API module. */
export interface RecordApi<T> {
  list: () => Promise<T[]>
  save: (input: object) => Promise<T>
  duplicate: (id: number) => Promise<T>
}

/**
 * A list of saved records (connections, templates, automations) kept in step
 * with the backend: every change reloads the list.
 */
export class RecordStore<T extends { id: number }> {
  list = $state<T[]>([])
  loaded = $state(false)
  loadError = $state('')
  readonly #api: RecordApi<T>

  constructor(api: RecordApi<T>) {
    this.#api = api
  }

  /** Fetches what load shows; stores that need more override it. */
  protected async fetch() {
    this.list = (await this.#api.list()) ?? []
  }

  async load() {
    try {
      await this.fetch()
      this.loadError = ''
    } catch (e) {
      this.loadError = (e as { message: string }).message
    } finally {
      this.loaded = true
    }
  }

  byId(id: number | undefined): T | undefined {
    return this.list.find((r) => r.id === id)
  }

  async save(input: object): Promise<T> {
    const saved = await this.#api.save(input)
    await this.load()
    return saved
  }

  async duplicate(id: number): Promise<T> {
    const copy = await this.#api.duplicate(id)
    await this.load()
    return copy
  }

  /** Runs a delete, then reloads. */
  protected async removeWith(del: () => Promise<void>) {
    await del()
    await this.load()
  }
}
