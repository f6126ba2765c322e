import * as api from '../api/settings'
import type { AppError } from '../api/errors'

class BackupsStore {
  status = $state<api.BackupStatus | null>(null)
  loadError = $state('')
  busy = $state(false)

  async load() {
    try {
      this.status = await api.backups()
      this.loadError = ''
    } catch (e) {
      this.loadError = (e as AppError).message
    }
  }

  /** Writes a backup now and reloads the list; returns the new file. */
  async backUpNow(): Promise<api.BackupFile> {
    this.busy = true
    try {
      const file = await api.backUpNow()
      await this.load()
      return file
    } finally {
      this.busy = false
    }
  }
}

/** The backups folder, its files and the last automatic backup's failure. */
export const backups = new BackupsStore()
