package reminder

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"time"
)

// SignatureHeader carries a webhook request's signature: "sha256=" and the
// hex HMAC-SHA256 of the body under the shared secret.
const SignatureHeader = "X-Hifazat-Signature"

// Webhook sends reminders to a URL as structured-mode CloudEvents over
// HTTP (Content-Type application/cloudevents+json), signed with Secret. Any
// status other than 2xx is a failure.
type Webhook struct {
	URL    string
	Secret []byte
	// Client sends the requests; nil means one with a 30-second timeout.
	Client *http.Client
}

// Sign returns the signature header's value for body under secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether signature is body's under secret, in constant time.
func Verify(secret, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(signature))
}

// Send posts one event.
func (w Webhook) Send(ctx context.Context, id, typ string, event []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(event))
	if err != nil {
		return fmt.Errorf("reminder: webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/cloudevents+json")
	req.Header.Set(SignatureHeader, Sign(w.Secret, event))
	c := w.Client
	if c == nil {
		c = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("reminder: webhook: event %s: %w", id, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("reminder: webhook: event %s (%s): status %d", id, typ, resp.StatusCode)
	}
	return nil
}
