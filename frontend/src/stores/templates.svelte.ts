import * as api from '../api/templates'
import { RecordStore } from './records.svelte'

class TemplatesStore extends RecordStore<api.Template> {
  constructor() {
    super({ list: api.listTemplates, save: api.saveTemplate, duplicate: api.duplicateTemplate })
  }

  remove(id: number) {
    return this.removeWith(() => api.deleteTemplate(id))
  }
}

/** The saved action templates. */
export const templates = new TemplatesStore()
