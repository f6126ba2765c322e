package request

import (
	"errors"
	"net/http/httptrace"
	"sync"
)

// SendError is a send that failed, with how far the request got: Written
// is false only when no byte of the request can have reached the server
// (the connection was refused, the name did not resolve, the TLS
// handshake failed), and Answered is true when the server's answer had
// begun to arrive.
type SendError struct {
	Err      error
	Written  bool
	Answered bool
}

// Error implements the error interface.
func (e *SendError) Error() string { return e.Err.Error() }

// Unwrap returns the transport's error.
func (e *SendError) Unwrap() error { return e.Err }

// NotWritten reports whether err proves that no byte of the request left
// the machine: a write that failed so was never applied.
func NotWritten(err error) bool {
	var se *SendError
	return errors.As(err, &se) && !se.Written
}

// progress follows one send through net/http/httptrace. A redirect starts
// a new request, so the policy resets it before the next one goes.
type progress struct {
	mu       sync.Mutex
	written  bool
	answered bool
}

func (p *progress) trace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		WroteHeaders: func() { p.set(&p.written) },
		// WroteRequest fires after any attempt to write, even one that
		// failed halfway: part of the request may have left.
		WroteRequest:         func(httptrace.WroteRequestInfo) { p.set(&p.written) },
		GotFirstResponseByte: func() { p.set(&p.answered) },
	}
}

func (p *progress) set(flag *bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*flag = true
}

// reset forgets an answered request before a redirect sends the next one.
func (p *progress) reset() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.written, p.answered = false, false
}

// fail wraps a transport error with how far the request got.
func (p *progress) fail(err error) *SendError {
	p.mu.Lock()
	defer p.mu.Unlock()
	return &SendError{Err: err, Written: p.written, Answered: p.answered}
}
