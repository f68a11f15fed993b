package webhookcmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/jivokit/jivokit/internal/cli/cliflag"
	"github.com/jivokit/jivokit/internal/cli/webhooktool"
	"github.com/jivokit/jivokit/internal/lib/term"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
)

const replayUsage = `usage: jivokit webhook replay -log FILE -url URL [-event NAME] [-chat ID] [-since N|TIME] [-failed] [-rate N]

Re-sends the events of an event log (written by 'jivokit webhook listen
-log' or an eventlog.Log) to a webhook endpoint, each body as the log
recorded it, one at a time, in the log's order, as it reads them (it
holds one line of the log in memory), and prints each reply. A line of
the log it cannot read is named on stderr and skipped, the others are
sent; a last line without a line end (being written) is skipped with a
note. It exits 1 if any reply is not a 200 with result "ok" or any line
could not be read, 64 on bad usage.

A body as recorded is the event as the handler read it, which is not
always the bytes received: compact (no spaces between values), a name
given twice in an object kept once (its last value), invalid UTF-8 and
escaped lone surrogates as U+FFFD, and a number beyond float64's range
(1e400) or a part nested deeper than 100 levels as a string of its text.

Use it to recover: after fixing a function that failed, re-send the events
it failed on (-failed), or those of a chat or a time span. And to test that
a site's functions are idempotent: replay a log into the endpoint twice and
check that nothing is done twice (a CRM card created once, a chat archived
once).

Bodies over the handler's limit were never received: the log records them
(size, event_name, chat_id) but has no body to send; replay lists them.

flags:
`

// maxLogLine bounds one line of the event log replay reads.
const maxLogLine = 64 << 20

func replay(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("jivokit webhook replay", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), replayUsage)
		fs.PrintDefaults()
	}
	logPath := fs.String("log", "", "the event log `file` to read (JSON lines) (required)")
	url := fs.String("url", "", "the webhook endpoint to send the events to (required)")
	event := fs.String("event", "", "only events with this event_name (offline_messages is offline_message)")
	chat := fs.String("chat", "", "only events with this chat_id")
	since := fs.String("since", "", "only events from sequence number N on, or at or after a time: RFC 3339 (2026-03-02T09:00:00Z) or a duration ago (2h)")
	failed := fs.Bool("failed", false, "only events whose function failed (the log records the failure after the event)")
	rate := fs.Float64("rate", 10, "at most this many events per second; 0 for no pause")
	timeout := fs.Duration("timeout", 10*time.Second, "how long to wait for each reply")
	dry := fs.Bool("n", false, "print what would be sent, send nothing")
	if code, ok := cliflag.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		return badUsage(fs, stderr, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	case *logPath == "":
		return badUsage(fs, stderr, "-log is required")
	case *url == "" && !*dry:
		return badUsage(fs, stderr, "-url is required")
	case *rate < 0 || math.IsNaN(*rate) || math.IsInf(*rate, 0):
		return badUsage(fs, stderr, fmt.Sprintf("-rate is a number of events per second, 0 or more, not %v", *rate))
	case *rate > 0 && float64(time.Second) / *rate > float64(time.Duration(math.MaxInt64)):
		return badUsage(fs, stderr, fmt.Sprintf("-rate %v is too slow: a pause of over 292 years", *rate))
	case *timeout <= 0:
		return badUsage(fs, stderr, "-timeout must be positive")
	}
	if *url != "" {
		if err := webhooktool.CheckURL(*url); err != nil {
			return badUsage(fs, stderr, "-url "+err.Error())
		}
	}
	f := filter{event: *event, chat: *chat, failed: *failed}
	if f.event != "" {
		f.event = string(canonicalName(f.event))
	}
	if *since != "" {
		if err := f.parseSince(*since, time.Now()); err != nil {
			return badUsage(fs, stderr, err.Error())
		}
	}

	info, err := os.Stat(*logPath)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook replay:", err)
		return 1
	}
	if f.failed && !info.Mode().IsRegular() {
		return badUsage(fs, stderr, "-failed reads the log twice: give a file, not a pipe")
	}
	file, err := os.Open(*logPath)
	if err != nil {
		fmt.Fprintln(stderr, "jivokit webhook replay:", err)
		return 1
	}
	defer file.Close()
	// A failure is recorded after its event: a first pass over the file
	// finds the failures (and the bodies over the limit), the second
	// sends. A log that cannot be read twice (a pipe) is read once: the
	// failures are then not known when their events are sent.
	//
	// A file is read only up to the size it had when replay started: a
	// log that the endpoint replayed into appends to as replay reads it
	// would otherwise be replayed without end.
	var marks *logMarks
	var log io.Reader = file
	if info.Mode().IsRegular() {
		if fi, err := file.Stat(); err == nil {
			info = fi
		}
		if marks, err = readMarks(io.NewSectionReader(file, 0, info.Size())); err != nil {
			fmt.Fprintln(stderr, "jivokit webhook replay:", *logPath+":", err)
			return 1
		}
		log = io.NewSectionReader(file, 0, info.Size())
	}
	var oversize []eventlog.Mark
	if marks != nil {
		oversize = marks.oversize
	}

	var pause time.Duration
	if *rate > 0 {
		pause = time.Duration(float64(time.Second) / *rate)
	}
	sent, bad := 0, 0
	var last time.Time
	lines := newLineReader(log)
	badLines := 0
	for ctx.Err() == nil {
		line, n, err := lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var lerr *lineError
			if errors.As(err, &lerr) {
				if !lerr.unfinished {
					badLines++
				}
				fmt.Fprintf(stderr, "jivokit webhook replay: %s: line %d %s\n", *logPath, n, lerr.text)
				continue
			}
			fmt.Fprintln(stderr, "jivokit webhook replay:", *logPath+":", err)
			return 1
		}
		l, err := parseLogLine(line)
		if err != nil {
			badLines++
			fmt.Fprintf(stderr, "jivokit webhook replay: %s: line %d is not an event log line, skipped: %v\n", *logPath, n, err)
			continue
		}
		if l.TooLarge != nil {
			if marks == nil {
				oversize = append(oversize, eventlog.Mark{Time: l.Time, Name: l.Name, ChatID: l.ChatID, TooLarge: l.TooLarge})
			}
			continue
		}
		if len(l.Event) == 0 || string(l.Event) == "null" {
			continue // a failure, or a line of another kind
		}
		e := &logEvent{Seq: l.Seq, Time: l.Time, Name: l.Name, Event: l.Event}
		if ev, err := webhook.Decode(e.Event); err == nil {
			e.chatID = string(ev.Header().ChatID)
		}
		if marks != nil {
			e.failed = marks.failed[e.Seq]
		}
		if !f.match(e) {
			continue
		}
		if wait := pause - time.Since(last); sent > 0 && wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				continue
			}
		}
		last = time.Now()
		sent++
		head := "#" + strconv.FormatUint(e.Seq, 10) + " " + term.Visible(e.Name)
		if e.chatID != "" {
			head += " chat " + term.Visible(e.chatID)
		}
		if e.failed != "" {
			head += " (failed: " + term.Visible(clipText(e.failed, 100)) + ")"
		}
		if *dry {
			fmt.Fprintf(stdout, "%s, %d bytes: not sent (-n)\n", head, len(e.Event))
			continue
		}
		status, where, reply, err := post(ctx, *url, e.Event, *timeout)
		switch {
		case err != nil:
			bad++
			fmt.Fprintf(stdout, "%s → %s\n", head, term.Visible(err.Error()))
		case status >= 300 && status < 400:
			bad++
			fmt.Fprintf(stdout, "%s → %d a redirect to %s, which replay does not follow; give the webhook URL that answers the POST itself FAILED\n", head, status, term.Visible(where))
		default:
			var r webhook.Reply
			ok := status == http.StatusOK && json.Unmarshal(reply, &r) == nil && r.OK()
			if !ok {
				bad++
			}
			mark := "ok"
			if !ok {
				mark = "FAILED"
			}
			fmt.Fprintf(stdout, "%s → %d %s %s\n", head, status, term.Visible(clipText(string(bytes.TrimSpace(reply)), 500)), mark)
		}
	}
	stopped := ctx.Err() != nil
	if stopped {
		fmt.Fprintln(stderr, "jivokit webhook replay: stopped:", ctx.Err())
	}
	for _, o := range oversize {
		if f.event != "" && o.Name != f.event || f.chat != "" && string(o.ChatID) != f.chat || f.failed ||
			!f.sinceTime.IsZero() && o.Time.Before(f.sinceTime) {
			continue
		}
		name := o.Name
		if name == "" {
			name = "an event"
		}
		fmt.Fprintf(stdout, "not sent: %s", term.Visible(name))
		if o.ChatID != "" {
			fmt.Fprintf(stdout, " chat %s", term.Visible(string(o.ChatID)))
		}
		fmt.Fprintf(stdout, " at %s: its body (%d bytes) was over the limit and never received\n", o.Time.Format(time.RFC3339), o.TooLarge.Size)
	}
	if badLines > 0 {
		fmt.Fprintf(stderr, "jivokit webhook replay: %s: %s could not be read and %s skipped (see above)\n", *logPath, plural(badLines, "line"), isAre(badLines))
	}
	switch {
	case *dry:
		fmt.Fprintf(stdout, "%s would be sent\n", plural(sent, "event"))
	case bad > 0:
		replies := "1 reply"
		if bad > 1 {
			replies = strconv.Itoa(bad) + " replies"
		}
		fmt.Fprintf(stdout, "%s sent, %s failed\n", plural(sent, "event"), replies)
		return 1
	case stopped:
		fmt.Fprintf(stdout, "%s sent before the stop\n", plural(sent, "event"))
		return 1
	default:
		fmt.Fprintf(stdout, "%s sent, every reply ok\n", plural(sent, "event"))
	}
	if badLines > 0 {
		return 1
	}
	return 0
}

// canonicalName maps offline_messages to offline_message, as the log does.
func canonicalName(name string) webhook.Name {
	if name == "offline_messages" {
		return webhook.NameOfflineMessage
	}
	return webhook.Name(name)
}

// logEvent is an event of the log, with what replay filters on.
type logEvent struct {
	Seq    uint64          `json:"seq"`
	Time   time.Time       `json:"time"`
	Name   string          `json:"event_name"`
	Event  json.RawMessage `json:"event"`
	chatID string
	failed string
}

// logLine is a line of the event log: an event, a failure or a body over
// the limit.
type logLine struct {
	Seq      uint64             `json:"seq"`
	Time     time.Time          `json:"time"`
	Name     string             `json:"event_name"`
	Event    json.RawMessage    `json:"event"`
	Failed   string             `json:"failed"`
	ChatID   webhook.ID         `json:"chat_id"`
	TooLarge *eventlog.TooLarge `json:"too_large"`
}

func parseLogLine(line []byte) (*logLine, error) {
	var l logLine
	if err := json.Unmarshal(line, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// logMarks is what the failure and over-limit lines of a log say.
type logMarks struct {
	failed   map[uint64]string // the failed events' errors, by seq
	oversize []eventlog.Mark
}

// readMarks reads the failure and over-limit lines of r; it skips every
// other line, and any it cannot read (the sending pass reports those).
func readMarks(r io.Reader) (*logMarks, error) {
	m := &logMarks{failed: map[uint64]string{}}
	lines := newLineReader(r)
	for {
		line, _, err := lines.next()
		if err == io.EOF {
			return m, nil
		}
		var lerr *lineError
		if errors.As(err, &lerr) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var l struct { // no event: it is not needed here
			Seq      uint64             `json:"seq"`
			Time     time.Time          `json:"time"`
			Name     string             `json:"event_name"`
			Failed   string             `json:"failed"`
			ChatID   webhook.ID         `json:"chat_id"`
			TooLarge *eventlog.TooLarge `json:"too_large"`
		}
		if json.Unmarshal(line, &l) != nil {
			continue
		}
		switch {
		case l.Failed != "":
			m.failed[l.Seq] = clipText(l.Failed, 1000)
		case l.TooLarge != nil:
			m.oversize = append(m.oversize, eventlog.Mark{Time: l.Time, Name: l.Name, ChatID: l.ChatID, TooLarge: l.TooLarge})
		}
	}
}

// lineReader reads the lines of an event log one at a time, each up to
// maxLogLine bytes: what replay holds in memory is one line.
type lineReader struct {
	r   *bufio.Reader
	n   int // the number of the last line read
	buf []byte
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// lineError is a line that next skips: over maxLogLine, or the last line
// when it has no line end (it is being written, or was cut short; the
// next `listen -log` cuts it off).
type lineError struct {
	text       string
	unfinished bool
}

func (e *lineError) Error() string { return e.text }

// next returns the next line that is not blank, without its line end, and
// its number; io.EOF after the last.
func (lr *lineReader) next() ([]byte, int, error) {
	for {
		lr.n++
		lr.buf = lr.buf[:0]
		tooLong := false
		for {
			chunk, err := lr.r.ReadSlice('\n')
			if !tooLong {
				if len(lr.buf)+len(chunk) > maxLogLine+1 {
					tooLong, lr.buf = true, lr.buf[:0]
				} else {
					lr.buf = append(lr.buf, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				if tooLong {
					return nil, lr.n, &lineError{text: fmt.Sprintf("is over %d bytes and has no line end: skipped", maxLogLine)}
				}
				if len(bytes.TrimSpace(lr.buf)) == 0 {
					return nil, lr.n, io.EOF
				}
				return nil, lr.n, &lineError{text: "has no line end (being written, or cut short): skipped", unfinished: true}
			}
			if err != nil {
				return nil, lr.n, err
			}
			break
		}
		if tooLong {
			return nil, lr.n, &lineError{text: fmt.Sprintf("is over %d bytes: skipped", maxLogLine)}
		}
		if line := bytes.TrimSpace(lr.buf); len(line) > 0 {
			return line, lr.n, nil
		}
	}
}

// filter selects the events to replay.
type filter struct {
	event, chat string
	failed      bool
	sinceSeq    uint64
	sinceTime   time.Time
}

// parseSince reads -since: a sequence number, an RFC 3339 time or a
// duration before now.
func (f *filter) parseSince(s string, now time.Time) error {
	if n, err := strconv.ParseUint(s, 10, 64); err == nil {
		f.sinceSeq = n
		return nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		f.sinceTime = t
		return nil
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		f.sinceTime = now.Add(-d)
		return nil
	}
	return errors.New("-since is a sequence number (42), an RFC 3339 time (2026-03-02T09:00:00Z) or a duration ago (2h), not " + strconv.Quote(s))
}

func (f *filter) match(e *logEvent) bool {
	switch {
	case f.event != "" && e.Name != f.event:
	case f.chat != "" && e.chatID != f.chat:
	case f.failed && e.failed == "":
	case f.sinceSeq > 0 && e.Seq < f.sinceSeq:
	case !f.sinceTime.IsZero() && e.Time.Before(f.sinceTime):
	default:
		return true
	}
	return false
}

// post sends body to url and returns the reply, and for a redirect where
// it points.
func post(ctx context.Context, url string, body []byte, timeout time.Duration) (status int, where string, reply []byte, err error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res, reply, err := webhooktool.Post(ctx, url, "jivokit-webhook-replay", body)
	if err != nil {
		return 0, "", nil, err
	}
	where = "nowhere (no Location header)"
	if loc, err := res.Location(); err == nil {
		where = loc.String()
	}
	return res.StatusCode, where, reply, nil
}

// clipText shortens s to at most n bytes on a rune boundary.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xc0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// plural returns "1 line", "2 lines".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func isAre(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}
