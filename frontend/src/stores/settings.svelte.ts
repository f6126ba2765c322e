import * as api from '../api/settings'

class SettingsStore {
  info = $state<api.AppInfo | null>(null)
  startupError = $state('')

  async load() {
    this.startupError = await api.startupError()
    this.info = await api.appInfo()
  }
}

/** The app's version, data file and secret storage. */
export const settings = new SettingsStore()
