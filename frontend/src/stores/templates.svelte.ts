import * as api from '../api/templates'
import { RecordStore } from './records.svelte'

class TemplatesStore extends RecordStore<api.Template> {
  constructor() {
    super({ list: api.listTemplates, save: api.saveTemplate, duplicate: api.duplicateTemplate })
  }

  remove(id: number) {
    return this.removeWith(() => api.deleteTemplate(id))
  }

  /** Imports the picked requests of a source, then reloads the list. */
  async importSource(kind: string, text: string, keys: string[], onClash: string) {
    const res = await api.importSource(kind, text, keys, onClash)
    await this.load()
    return res
  }
}

/** The saved action templates. */
export const templates = new TemplatesStore()
