/** Whether the page runs in the desktop window, where the backend can open
 * native dialogs; false in a browser on the development server. */
export function inDesktopWindow(): boolean {
  return location.protocol === 'wails:' || location.hostname === 'wails.localhost'
}

/** Hands text to the browser as a file to save, under name. */
export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
