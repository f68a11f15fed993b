package eventlog

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jivokit/jivokit/usertoken"
	"github.com/jivokit/jivokit/webhook"
)

// Summary describes an event on one line, for logs and consoles: its name,
// chat, visitor, identity, and what is particular to the event.
func Summary(ev webhook.Event) string {
	b := ev.Header()
	var s strings.Builder
	s.WriteString(string(ev.Name()))
	if b.ChatID != "" {
		s.WriteString(" chat " + string(b.ChatID))
	}
	if v := visitorText(b.Visitor); v != "" {
		s.WriteString(" · " + v)
	}
	if id := identityText(b); id != "" {
		s.WriteString(" · " + id)
	}
	switch e := ev.(type) {
	case *webhook.CallEvent:
		s.WriteString(" · call " + join(string(e.Call.Type), string(e.Call.Status), e.Call.Phone, e.Call.Reason))
		agent(&s, e.Agent)
	case *webhook.ChatAccepted:
		agent(&s, e.Agent)
	case *webhook.ChatUpdated:
		agent(&s, e.Agent)
	case *webhook.ChatAssigned:
		agent(&s, e.Agent)
		s.WriteString(" · assign to " + clip(e.AssignTo, 80))
	case *webhook.ChatFinished:
		for _, a := range e.Agents {
			agent(&s, a)
		}
		if n := len(e.Chat.Messages); n == 1 {
			s.WriteString(" · 1 message")
		} else {
			s.WriteString(" · " + strconv.Itoa(n) + " messages")
		}
		if e.Chat.Rate != "" {
			s.WriteString(", rated " + e.Chat.Rate)
		}
		if e.Chat.Blacklisted {
			s.WriteString(", blacklisted")
		}
	case *webhook.OfflineMessage:
		s.WriteString(" · message " + strconv.Quote(clip(e.Message, 80)))
	case *webhook.ClientAttributeUpdated:
		if len(e.Attributes) > 0 {
			s.WriteString(" · attributes " + clip(string(e.Attributes), 80))
		}
	case webhook.CRM:
		o := e.Object()
		s.WriteString(" · " + strings.TrimPrefix(clip(string(e.Entity()), 40), "crm_"))
		if o.ID != "" {
			s.WriteString(" #" + clip(string(o.ID), 20))
		}
		if t := join(clip(o.Name, 60), clip(o.Title, 60)); t != "" {
			s.WriteString(" " + t)
		}
	}
	if b.Page.URL != "" {
		s.WriteString(" · " + clip(b.Page.URL, 100))
	}
	return s.String()
}

func visitorText(v webhook.Visitor) string {
	parts := []string{clip(v.Name, 40)}
	if v.Email != "" {
		parts = append(parts, "<"+clip(v.Email, 60)+">")
	}
	parts = append(parts, clip(v.Phone, 30))
	if v.Number != "" {
		parts = append(parts, "visitor #"+clip(string(v.Number), 20))
	}
	return join(parts...)
}

func identityText(b *webhook.Base) string {
	switch {
	case b.Identity.Verified():
		return "verified visitor " + strconv.Quote(b.Identity.VisitorID)
	case b.UserToken == "" || errors.Is(b.Identity.Err, webhook.ErrNoUserToken):
		return ""
	case b.Identity.Err == nil || errors.Is(b.Identity.Err, webhook.ErrNoSigner):
		return "user_token " + strconv.Quote(clip(b.UserToken, 40)) + " (unverified)"
	case errors.Is(b.Identity.Err, usertoken.ErrExpired):
		return "user_token expired"
	case errors.Is(b.Identity.Err, usertoken.ErrBadSignature):
		return "user_token forged (bad signature)"
	}
	return "user_token malformed"
}

func agent(s *strings.Builder, a webhook.Agent) {
	if a.Name != "" || a.ID != "" {
		s.WriteString(" · agent " + join(clip(a.Name, 40), "#"+clip(string(a.ID), 20)))
	}
}

// join joins the non-empty parts with spaces.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" && p != "#" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// clip shortens s to at most n runes and strips control characters, so a
// summary stays one readable line whatever the payload holds.
func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
