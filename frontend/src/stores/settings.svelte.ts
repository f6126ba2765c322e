import * as api from '../api/settings'

class SettingsStore {
  info = $state<api.AppInfo | null>(null)
  startupError = $state('')
  numberFormat = $state('1,234.56')
  numberFormats = $state<string[]>([])

  async load() {
    this.startupError = await api.startupError()
    this.info = await api.appInfo()
  }

  /** Reads how numbers are written and the formats offered. */
  async loadNumberFormat() {
    const c = await api.numberFormat()
    this.numberFormat = c.format
    this.numberFormats = c.choices
  }

  /** Stores how numbers are written; the backend checks the choice. */
  async saveNumberFormat(f: string) {
    await api.setNumberFormat(f)
    this.numberFormat = f
  }
}

/** The app's version, data file and secret storage. */
export const settings = new SettingsStore()
