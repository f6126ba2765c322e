import * as api from '../api/automations'

class AutomationsStore {
  list = $state<api.Automation[]>([])
  loaded = $state(false)
  loadError = $state('')
  /** Stat types by ID, learned as connections are chosen. */
  statTypes = $state<Record<string, api.StatType>>({})

  async load() {
    try {
      this.list = (await api.listAutomations()) ?? []
      this.loadError = ''
    } catch (e) {
      this.loadError = (e as { message: string }).message
    } finally {
      this.loaded = true
    }
  }

  byId(id: number | undefined) {
    return this.list.find((a) => a.id === id)
  }

  async save(a: object) {
    const saved = await api.saveAutomation(a)
    await this.load()
    return saved
  }

  async duplicate(id: number) {
    const copy = await api.duplicateAutomation(id)
    await this.load()
    return copy
  }

  async remove(id: number) {
    await api.deleteAutomation(id)
    await this.load()
  }

  /** Loads a connection's stat types into the cache and returns them. */
  async loadStatTypes(connectionId: number) {
    const types = (await api.statTypes(connectionId)) ?? []
    const next = { ...this.statTypes }
    for (const t of types) next[t.id] = t
    this.statTypes = next
    return types
  }

  /** Numeric columns of a stat type, for the dataset variables. */
  numeric = (id: string): string[] => (this.statTypes[id]?.columns ?? []).filter((c) => c.numeric).map((c) => c.key)
}

/** Saved automations and the stat types seen so far. */
export const automations = new AutomationsStore()
