package gui

// The window's first and smallest sizes. The first size fits a 1366×768
// screen with room for a taskbar or top panel and the title bar, so the
// window manager does not push it off centre (Wails centres the window
// when it opens on every platform). The smallest size is the narrowest
// layout the pages are built for.
const (
	windowWidth  = 1240
	windowHeight = 680
	minWidth     = 960
	minHeight    = 600
)

// fitsScreen reports whether the first window, with its title bar and a
// panel of chrome pixels in all, fits a screen of w×h.
func fitsScreen(w, h, chrome int) bool {
	return windowWidth <= w && windowHeight+chrome <= h && minWidth <= windowWidth && minHeight <= windowHeight
}
