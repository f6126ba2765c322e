import * as api from '../api/templates'

class TemplatesStore {
  list = $state<api.Template[]>([])
  loaded = $state(false)
  loadError = $state('')

  async load() {
    try {
      this.list = (await api.listTemplates()) ?? []
      this.loadError = ''
    } catch (e) {
      this.loadError = (e as { message: string }).message
    } finally {
      this.loaded = true
    }
  }

  byId(id: number | undefined): api.Template | undefined {
    return this.list.find((t) => t.id === id)
  }

  async save(t: object) {
    const saved = await api.saveTemplate(t)
    await this.load()
    return saved
  }

  async duplicate(id: number) {
    const copy = await api.duplicateTemplate(id)
    await this.load()
    return copy
  }

  async remove(id: number) {
    await api.deleteTemplate(id)
    await this.load()
  }
}

/** The saved action templates. */
export const templates = new TemplatesStore()
