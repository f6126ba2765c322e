package gui

import (
	"context"
	"log"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// EventOpenRun asks the window to show a run in Runs & Logs; it carries
// the run's ID.
const EventOpenRun = "app:open-run"

// Button labels of the close question.
const (
	keepRunningButton = "Keep running"
	quitButton        = "Quit"
)

// window holds what the Wails callbacks share: the runtime context and
// the notifications already sent.
type window struct {
	svc      *service.Services
	ctx      context.Context
	notify   bool        // desktop notifications are available
	quitting atomic.Bool // Quit was chosen: the next close is not questioned
	unsaved  atomic.Bool // an editor holds unsaved changes (SettingsAPI.SetUnsaved)
	seen     noticeOnce
}

// start keeps the runtime context, forwards run events to the page, and
// sets up notifications where the desktop has them.
func (w *window) start(ctx context.Context) {
	w.ctx = ctx
	if w.svc == nil {
		return
	}
	w.svc.OnEvent(func(ev engine.Event) {
		runtime.EventsEmit(ctx, EventRunProgress, ev)
		go w.noticeFor(ev)
	})
	if err := w.svc.StartHooks(ctx); err != nil {
		log.Printf("webhook listener: %v", err)
	}
	if err := w.svc.StartScheduler(context.Background()); err != nil {
		log.Printf("schedules: %v", err)
	}
	w.notify = runtime.InitializeNotifications(ctx) == nil && runtime.IsNotificationAvailable(ctx)
	if w.notify {
		runtime.OnNotificationResponse(ctx, w.onNotificationClick)
	}
}

// noticeFor sends a desktop notification for a scheduled run that needs a look.
func (w *window) noticeFor(ev engine.Event) {
	if !w.notify {
		return
	}
	n, ok := RunNoticeFor(w.svc, ev.RunID, ev.Status, &w.seen)
	if !ok {
		return
	}
	err := runtime.SendNotification(w.ctx, runtime.NotificationOptions{ID: "run-" + strconv.FormatUint(n.RunID, 10), Title: n.Title, Body: n.Body,
		Data: map[string]any{"runId": n.RunID}})
	if err != nil {
		log.Printf("notification: %v", err)
	}
}

// onNotificationClick shows the window and opens the notified run.
func (w *window) onNotificationClick(r runtime.NotificationResult) {
	id, err := strconv.ParseUint(strings.TrimPrefix(r.Response.ID, "run-"), 10, 64)
	if r.Error != nil || err != nil {
		return
	}
	w.show()
	runtime.EventsEmit(w.ctx, EventOpenRun, id)
}

// show brings the window back, from hidden or minimised.
func (w *window) show() {
	if w.ctx != nil {
		runtime.WindowShow(w.ctx)
		runtime.WindowUnminimise(w.ctx)
		runtime.Show(w.ctx)
	}
}

// beforeClose decides whether closing the window quits, or hides it while
// schedules keep running; it asks once and remembers the answer. A quit
// with unsaved edits waits for the page's save, discard or stay question.
func (w *window) beforeClose(ctx context.Context) (prevent bool) {
	if w.svc == nil || w.quitting.Load() {
		return false
	}
	action, err := w.svc.CloseActionFor()
	if err != nil {
		log.Printf("close: %v", err)
	}
	if action == service.CloseActionAsk {
		action = w.ask(ctx)
	}
	if holdQuit(action, w.unsaved.Load()) {
		return w.confirmQuit()
	}
	if action == service.CloseActionHide {
		runtime.WindowHide(ctx)
		return true
	}
	return false
}

// ask puts the close question and stores the answer.
func (w *window) ask(ctx context.Context) service.CloseAction {
	answer, err := runtime.MessageDialog(ctx, runtime.MessageDialogOptions{Type: runtime.QuestionDialog, Title: "Keep schedules running?",
		Message: "Some automations run on a schedule. Keep AffDesk running in the background so they run on time? " +
			"Launch AffDesk again to bring the window back; quit from Settings. You can change this answer in Settings.",
		Buttons: []string{keepRunningButton, quitButton}, DefaultButton: keepRunningButton, CancelButton: quitButton})
	if err != nil {
		return service.CloseActionQuit
	}
	behaviour, action := service.CloseQuit, service.CloseActionQuit
	if answer == keepRunningButton || strings.EqualFold(answer, "yes") {
		behaviour, action = service.CloseBackground, service.CloseActionHide
	}
	if err := w.svc.SetCloseBehaviour(behaviour); err != nil {
		log.Printf("close: %v", err)
	}
	return action
}

// quit ends the app without the close question.
func (w *window) quit() {
	if w.ctx != nil {
		w.quitting.Store(true)
		runtime.Quit(w.ctx)
	}
}
