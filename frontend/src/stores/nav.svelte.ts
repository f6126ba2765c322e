import { guard } from './guard.svelte'

/** The pages of the sidebar, in order. */
export const pages = [
  { id: 'connections', label: 'Connections', icon: 'connections' },
  { id: 'templates', label: 'Actions', icon: 'templates' },
  { id: 'automations', label: 'Automations', icon: 'automations' },
  { id: 'runs', label: 'Runs & Logs', icon: 'runs' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
] as const

export type PageId = (typeof pages)[number]['id']

class NavStore {
  page = $state<PageId>('connections')
  /** A template to open when the Actions page shows, e.g. after creating a connection. */
  openTemplateId = $state<number | null>(null)
  /** A run to show when Runs & Logs opens. */
  openRunId = $state<number | null>(null)
  /** Whether the list pane of the two-pane pages is hidden, to give the editor the width. */
  listHidden = $state(false)

  /** Shows a page, once the editor in view may be left (see guard); resolves whether it did. */
  async go(page: PageId): Promise<boolean> {
    if (page === this.page) return true
    if (!(await guard.leave())) return false
    this.page = page
    return true
  }
}

/** Which page the window shows. */
export const nav = new NavStore()
