import * as api from '../api/connections'
import { RecordStore } from './records.svelte'

class ConnectionsStore extends RecordStore<api.Connection> {
  platforms = $state<api.Platform[]>([])

  constructor() {
    super({ list: api.listConnections, save: api.saveConnection, duplicate: api.duplicateConnection })
  }

  /** Loads the catalogue (once) and the saved connections. */
  protected override async fetch() {
    if (!this.platforms.length) this.platforms = await api.listPlatforms()
    await super.fetch()
  }

  platform(id: string | undefined): api.Platform | undefined {
    return this.platforms.find((p) => p.id === id)
  }

  /** Deletes a connection; without force the backend refuses while templates use it. */
  remove(id: number, force: boolean) {
    return this.removeWith(() => api.deleteConnection(id, force))
  }
}

/** The saved connections and the platform catalogue. */
export const connections = new ConnectionsStore()
