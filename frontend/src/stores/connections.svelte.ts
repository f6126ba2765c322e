import * as api from '../api/connections'

class ConnectionsStore {
  list = $state<api.Connection[]>([])
  platforms = $state<api.Platform[]>([])
  loaded = $state(false)
  loadError = $state('')

  /** Loads the catalogue (once) and the saved connections. */
  async load() {
    try {
      if (!this.platforms.length) this.platforms = await api.listPlatforms()
      this.list = (await api.listConnections()) ?? []
      this.loadError = ''
    } catch (e) {
      this.loadError = (e as { message: string }).message
    } finally {
      this.loaded = true
    }
  }

  platform(id: string | undefined): api.Platform | undefined {
    return this.platforms.find((p) => p.id === id)
  }

  byId(id: number | undefined): api.Connection | undefined {
    return this.list.find((c) => c.id === id)
  }

  async save(input: object) {
    const saved = await api.saveConnection(input)
    await this.load()
    return saved
  }

  async duplicate(id: number) {
    const copy = await api.duplicateConnection(id)
    await this.load()
    return copy
  }

  async remove(id: number, force: boolean) {
    await api.deleteConnection(id, force)
    await this.load()
  }
}

/** The saved connections and the platform catalogue. */
export const connections = new ConnectionsStore()
