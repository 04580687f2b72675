// Package smtptest is an in-process SMTP server for tests: enough of RFC
// 5321 for net/smtp, with STARTTLS and AUTH PLAIN, keeping what it
// receives.
package smtptest

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"net"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"sync"
	"testing"
)

// Server is an in-process SMTP server that speaks enough of RFC 5321 for
// net/smtp: EHLO, STARTTLS (when it has a certificate), AUTH PLAIN (when it
// has a user), MAIL, RCPT, DATA, RSET, NOOP, QUIT. It keeps what it
// received.
type Server struct {
	Addr string
	tls  *tls.Config // offer STARTTLS with it; nil offers none
	// Client trusts the server's certificate.
	Client     *tls.Config
	user, pass string

	mu       sync.Mutex
	mails    []Mail
	failData int
	authTLS  []bool
}

// Mail is one message accepted.
type Mail struct {
	From, To string
	Data     string
	OverTLS  bool // sent after STARTTLS
}

// NewServer starts a fake server on 127.0.0.1; withTLS offers STARTTLS.
func NewServer(t testing.TB, withTLS bool, user, pass string) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), user: user, pass: pass}
	if withTLS {
		// httptest's certificate is for 127.0.0.1.
		hs := httptest.NewTLSServer(http.NotFoundHandler())
		hs.Close()
		pool := x509.NewCertPool()
		pool.AddCert(hs.Certificate())
		s.tls = &tls.Config{Certificates: hs.TLS.Certificates}
		s.Client = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { s.serve(c) })
		}
	})
	return s
}

func (s *Server) serve(c net.Conn) {
	defer func() { c.Close() }()
	tc := textproto.NewConn(c)
	overTLS := false
	var m Mail
	tc.PrintfLine("220 fake ESMTP")
	for {
		line, err := tc.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			ext := []string{"fake"}
			if s.tls != nil && !overTLS {
				ext = append(ext, "STARTTLS")
			}
			if s.user != "" {
				ext = append(ext, "AUTH PLAIN")
			}
			for i, e := range ext {
				sep := "-"
				if i == len(ext)-1 {
					sep = " "
				}
				tc.PrintfLine("250%s%s", sep, e)
			}
		case "HELO", "NOOP", "RSET":
			tc.PrintfLine("250 ok")
		case "STARTTLS":
			if s.tls == nil || overTLS {
				tc.PrintfLine("502 no")
				continue
			}
			tc.PrintfLine("220 go ahead")
			tlsConn := tls.Server(c, s.tls)
			if tlsConn.Handshake() != nil {
				return
			}
			c, overTLS = tlsConn, true
			tc = textproto.NewConn(c)
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			b, _ := base64.StdEncoding.DecodeString(resp)
			s.mu.Lock()
			s.authTLS = append(s.authTLS, overTLS)
			s.mu.Unlock()
			if mech != "PLAIN" || string(b) != "\x00"+s.user+"\x00"+s.pass {
				tc.PrintfLine("535 5.7.8 authentication failed")
				continue
			}
			tc.PrintfLine("235 ok")
		case "MAIL":
			m = Mail{From: strings.Trim(strings.TrimPrefix(arg, "FROM:"), "<>"), OverTLS: overTLS}
			tc.PrintfLine("250 ok")
		case "RCPT":
			m.To = strings.Trim(strings.TrimPrefix(arg, "TO:"), "<>")
			tc.PrintfLine("250 ok")
		case "DATA":
			tc.PrintfLine("354 go on")
			data, err := tc.ReadDotBytes()
			if err != nil {
				return
			}
			m.Data = string(data)
			s.mu.Lock()
			refuse := s.failData > 0
			if refuse {
				s.failData--
			} else {
				s.mails = append(s.mails, m)
			}
			s.mu.Unlock()
			if refuse {
				tc.PrintfLine("451 4.3.0 try again later")
				continue
			}
			tc.PrintfLine("250 queued")
		case "QUIT":
			tc.PrintfLine("221 bye")
			return
		default:
			tc.PrintfLine("502 unknown")
		}
	}
}

// Received returns the messages accepted so far.
func (s *Server) Received() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.mails...)
}

// Header returns the value of header name in a message's data.
func Header(data, name string) string {
	tp := textproto.NewReader(bufio.NewReader(strings.NewReader(data)))
	h, _ := tp.ReadMIMEHeader()
	return h.Get(name)
}

// RefuseNext makes the server refuse the next n messages after their data
// (451, a temporary failure).
func (s *Server) RefuseNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failData = n
}

// AuthOverTLS returns, for each AUTH command received, whether it came
// after STARTTLS.
func (s *Server) AuthOverTLS() []bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bool(nil), s.authTLS...)
}
