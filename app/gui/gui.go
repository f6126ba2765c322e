// Package gui is AffDesk's window: it binds one API per UI area to the
// Wails frontend, maps errors for the bindings, sends events, and handles
// the window's lifecycle (closing to the background, notifications). With
// main.go it is the only Go code that imports Wails.
package gui

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"io/fs"
	"log"
	"os"

	"github.com/affdesk/affdesk/app/service"
	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"
)

// EventRunProgress is the event that carries a run's progress to the window.
const EventRunProgress = "run:progress"

// RunGUI opens the window. When the data file could not be opened
// (startErr), the window shows that error instead of the app, and a
// second launch on the same data folder brings the first window forward.
func RunGUI(assets fs.FS, icon []byte, dataDir string, svc *service.Services, startErr error) error {
	w := &window{svc: svc}
	settings := NewSettingsAPI(svc, startErr)
	settings.quit = w.quit
	settings.unsaved = &w.unsaved
	bind := []any{settings}
	if svc != nil {
		autos := NewAutomationsAPI(svc)
		autos.ctx = func() context.Context { return w.ctx }
		bind = append(bind, NewConnectionsAPI(svc), NewTemplatesAPI(svc), autos, NewRunsAPI(svc))
	}
	sum := sha1.Sum([]byte(dataDir))
	return wails.Run(&options.App{
		Title: service.Name, Width: windowWidth, Height: windowHeight, MinWidth: minWidth, MinHeight: minHeight,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		OnStartup:        w.start,
		OnBeforeClose:    w.beforeClose,
		OnShutdown: func(context.Context) {
			if svc != nil {
				if err := svc.Close(); err != nil {
					log.Printf("close: %v", err)
				}
			}
		},
		Bind: bind,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "com.affdesk.app." + hex.EncodeToString(sum[:6]),
			OnSecondInstanceLaunch: func(options.SecondInstanceData) { w.show() },
		},
		Linux: &linux.Options{Icon: icon, ProgramName: service.Name, WindowIsTranslucent: false, WebviewGpuPolicy: gpuPolicy(os.Getenv(gpuPolicyEnv))},
		Mac:   &mac.Options{About: &mac.AboutInfo{Title: service.Name + " " + service.Version, Message: "Affiliate tracker automations, on your machine.", Icon: icon}},
	})
}
