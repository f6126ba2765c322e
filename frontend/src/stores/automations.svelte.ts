import * as api from '../api/automations'
import { RecordStore } from './records.svelte'

class AutomationsStore extends RecordStore<api.Automation> {
  /** Stat types by ID, learned as connections are chosen. */
  statTypes = $state<Record<string, api.StatType>>({})

  constructor() {
    super({ list: api.listAutomations, save: api.saveAutomation, duplicate: api.duplicateAutomation })
  }

  /** Imports an export file's text, all or nothing, then reloads the list. */
  async importFile(text: string, onClash: api.ClashPolicy) {
    const result = await api.importFile(text, onClash)
    await this.load()
    return result
  }

  remove(id: number) {
    return this.removeWith(() => api.deleteAutomation(id))
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
