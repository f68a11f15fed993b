package eventlog_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/samples"
)

func sample(name webhook.Name) []byte {
	b, err := samples.Payload(name)
	if err != nil {
		panic(err)
	}
	return b
}

func post(h *webhook.Handler, target string, body []byte) {
	r := httptest.NewRequest("POST", target, bytes.NewReader(body))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Body.String())
}

func ExampleSummary() {
	ev, _ := webhook.Decode(sample(webhook.NameOfflineMessage))
	fmt.Println(eventlog.Summary(ev))
	// Output: offline_message · John Smith <email@example.com> +14084987855 visitor #2846 · message "Message text" · http://example.com/
}

func ExampleLog() {
	var lines bytes.Buffer
	log := &eventlog.Log{Out: &lines, Keep: 50}
	h, _ := webhook.New(log.Funcs(webhook.Funcs{}))
	post(h, "/", sample(webhook.NameChatFinished))

	for _, e := range log.Since(0) {
		fmt.Println(e.Seq, e.Name)
	}
	line, _ := io.ReadAll(&lines)
	fmt.Println(strings.Count(string(line), "\n"), "line logged")
	// Output:
	// 200 {"result":"ok"}
	// 1 chat_finished
	// 1 line logged
}

// Open continues a log file across restarts: the numbering goes on from
// its last line.
func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "eventlog")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "events.jsonl")
	for range 2 { // two runs of a program
		f, last, err := eventlog.Open(path)
		if err != nil {
			panic(err)
		}
		log := &eventlog.Log{Out: f, Start: last}
		h, _ := webhook.New(log.Funcs(webhook.Funcs{}))
		post(h, "/", sample(webhook.NameChatAccepted))
		fmt.Println("last seq", log.Recent()[0].Seq)
		f.Close()
	}
	// Output:
	// 200 {"result":"ok"}
	// last seq 1
	// 200 {"result":"ok"}
	// last seq 2
}
