//go:build !(js && wasm)

package jivo

import "context"

// Ready waits until the widget has loaded. On this platform it returns
// ErrUnsupported.
func Ready(ctx context.Context) error { return ErrUnsupported }

// setErrorHandler does nothing: on this platform there is nothing to report.
func setErrorHandler(func(error)) {}

// setStrict does nothing: on this platform no call is made.
func setStrict(bool) {}

// Load starts loading the widget and waits until it has loaded. On this
// platform it returns ErrUnsupported.
func Load(ctx context.Context) error { return ErrUnsupported }

// CurrentPhase returns the widget's phase. On this platform it returns
// ErrUnsupported.
func CurrentPhase() (Phase, error) { return 0, ErrUnsupported }

// OnLoadFailed subscribes fn to the widget's failure to load. On this
// platform it does nothing.
func OnLoadFailed(fn func(*LoadError)) (unsubscribe func()) { return func() {} }

// Hide hides the widget for reason. On this platform it returns
// ErrUnsupported.
func Hide(reason string) error { return ErrUnsupported }

// Show releases reason. On this platform it returns ErrUnsupported.
func Show(reason string) error { return ErrUnsupported }

// Reset ends the widget for this visitor. On this platform it returns
// ErrUnsupported.
func Reset(ctx context.Context, opts ResetOptions) error { return ErrUnsupported }

// SwitchWidget loads another widget id. On this platform it returns
// ErrUnsupported.
func SwitchWidget(ctx context.Context, id string) error { return ErrUnsupported }

// CurrentState returns the widget's live state. On this platform it
// returns ErrUnsupported.
func CurrentState() (State, error) { return State{}, ErrUnsupported }

// OnState follows the widget's state. On this platform it does nothing.
func OnState(fn func(State)) (unsubscribe func()) { return func() {} }
