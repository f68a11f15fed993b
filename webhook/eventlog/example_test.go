package eventlog_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http/httptest"
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
