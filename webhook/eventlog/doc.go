// Package eventlog records the webhook events a webhook.Handler receives,
// for development tools and for operators: each event as one JSON line on
// a writer (a file that Open reopens across restarts, numbering on), a
// readable line per event for a terminal, and the last events in memory
// for a page to poll. It is what `jivokit webhook listen` and the demo
// run; package webhook does not need it.
//
//	f, last, err := eventlog.Open("events.jsonl")
//	if err != nil { ... }
//	log := &eventlog.Log{Out: f, Print: os.Stdout, Start: last}
//	h, err := webhook.New(log.Funcs(myFuncs), webhook.WithOversize(log.RecordOversize))
//
// Every event is on Out before its function runs (with Sync, on disk);
// an event that cannot be written is answered 503 (ErrNotRecorded wraps
// webhook.ErrUnavailable), so the sender may send it again. A function
// that fails or panics, and a body refused as over the Handler's limit,
// each get a line of their own (Mark). Summary describes an event on one
// line.
package eventlog
