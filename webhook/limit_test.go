package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// Ordinary chat lines, Russian (the vendor's main market) and English:
// 40 to 120 characters, the length of most chat messages.
var chatLines = []string{
	"Здравствуйте! Подскажите, пожалуйста, когда придёт мой заказ номер 48213?",
	"Добрый день! Сейчас проверю. Заказ передан в доставку вчера вечером.",
	"Курьер привезёт его завтра с 10 до 14 часов, вам придёт СМС.",
	"Спасибо! А можно изменить адрес доставки на рабочий?",
	"Hello, I was charged twice for my subscription this month, can you check?",
	"Sorry about that! I can see both payments; the second one will be refunded within 3 to 5 days.",
}

// longChat builds a chat_finished as the vendor sends one for a chat of n
// messages: the messages, then the whole chat again as text
// (plain_messages) and as HTML (html_messages). With escaped, every
// character outside ASCII is written as \uXXXX, as PHP's json_encode and
// Python's json.dumps write it by default: the largest form of the same
// chat.
func longChat(n int, escaped bool) []byte {
	type message struct {
		Message   string `json:"message"`
		Timestamp int64  `json:"timestamp"`
		Type      string `json:"type"`
		AgentID   string `json:"agent_id,omitempty"`
	}
	var msgs []message
	var plain, html strings.Builder
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := range n {
		m := message{Message: chatLines[i%len(chatLines)], Timestamp: start.Unix() + int64(20*i), Type: "visitor"}
		who := "Иван Петров"
		if i%2 == 1 {
			m.Type, m.AgentID, who = "agent", "2224", "Анна Смирнова"
		}
		msgs = append(msgs, m)
		at := time.Unix(m.Timestamp, 0).UTC().Format("15:04:05")
		fmt.Fprintf(&plain, "%s (%s): %s\n", who, at, m.Message)
		fmt.Fprintf(&html, `<div class="message %s"><b>%s</b> <span class="time">%s</span><p>%s</p></div>`, m.Type, who, at, m.Message)
	}
	type object = map[string]any
	ev := struct { // in the vendor's order: event_name first
		EventName string   `json:"event_name"`
		ChatID    int      `json:"chat_id"`
		WidgetID  string   `json:"widget_id"`
		Visitor   object   `json:"visitor"`
		Agents    []object `json:"agents"`
		Chat      object   `json:"chat"`
		Plain     string   `json:"plain_messages"`
		HTML      string   `json:"html_messages"`
		Page      object   `json:"page"`
	}{
		"chat_finished", 7676, "3677",
		object{"name": "Иван Петров", "email": "ivan@example.com", "phone": "+79161234567", "number": "2846", "chats_count": 3},
		[]object{{"id": "2224", "name": "Анна Смирнова", "email": "agent@example.com"}},
		object{"messages": msgs, "rate": "positive", "blacklisted": false, "invitation": ""},
		plain.String(), html.String(),
		object{"url": "https://example.com/orders", "title": "Заказы"},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escaped)
	enc.Encode(ev)
	body := bytes.TrimSpace(b.Bytes())
	if !escaped {
		return body
	}
	var out bytes.Buffer
	for _, r := range string(body) {
		if r < 0x80 {
			out.WriteRune(r)
		} else {
			fmt.Fprintf(&out, `\u%04x`, r)
		}
	}
	return out.Bytes()
}

// TestDefaultLimitFitsALongChat: a chat of 2,000 ordinary messages, carried
// three times as chat_finished does, in its largest form, fits the default
// limit with room to spare, and is decoded whole.
func TestDefaultLimitFitsALongChat(t *testing.T) {
	for _, escaped := range []bool{false, true} {
		body := longChat(2000, escaped)
		t.Logf("2,000 messages, escaped %v: %d bytes (%.2f MiB), limit %d", escaped, len(body), float64(len(body))/(1<<20), webhook.DefaultMaxBodySize)
		if int64(len(body))*2 > webhook.DefaultMaxBodySize {
			t.Errorf("a 2,000-message chat (%d bytes) leaves less than 2× headroom under DefaultMaxBodySize (%d)", len(body), webhook.DefaultMaxBodySize)
		}
		var got *webhook.ChatFinished
		h, _ := newHandler(t, webhook.Funcs{ChatFinished: func(_ context.Context, e *webhook.ChatFinished) error { got = e; return nil }})
		rep := webhooktest.Post(t, h, body)
		if rep.Status != 200 || got == nil || len(got.Chat.Messages) != 2000 || strings.Count(got.PlainMessages, "\n") != 2000 ||
			strings.Count(got.HTMLMessages, "<p>") != 2000 || !strings.HasPrefix(got.Visitor.Name, "Иван") {
			t.Fatalf("reply %d %s", rep.Status, rep.Body)
		}
	}
}
