package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"golang.org/x/time/rate"

	"github.com/hifazat/hifazat/casefsm"
	"github.com/hifazat/hifazat/casestore"
	"github.com/hifazat/hifazat/casestore/sqlstore"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/deadlines"
	"github.com/hifazat/hifazat/httpapi"
	"github.com/hifazat/hifazat/policy"
)

const serveUsage = `usage: hifazat serve [--addr 127.0.0.1:8080] [--store S] [--key-file F] [--tokens F] [--overlay F] [--calendar-file F] [--organisation F] [--webhook URL] [--smtp HOST:PORT ...]

Serves the JSON HTTP API (described at /openapi.json) until interrupted.
  --addr A            the address to listen on (default 127.0.0.1:8080)
  --store S           sqlite:PATH (default sqlite:./hifazat.db), postgres://..., or memory:
  --key-file F        the deployment key that seals cases at rest (default $HIFAZAT_KEY_FILE;
                      'hifazat key new' writes one); without it new cases are stored
                      unencrypted, and a warning is logged once
  --tokens F          the bearer tokens issued: a JSON array of the "entry" objects
                      'hifazat token' prints, [{"sha256":...,"actor":{...}}, ...];
                      with --store memory: and no --tokens, demo tokens are printed.
                      SIGHUP re-reads it: a token no longer in it is refused from then
                      on (revoked without a restart); a file that does not parse
                      leaves the tokens as they were
  --overlay F         an institution's policy overlay, joining the built-in policies
  --calendar-file F   the organisation's holiday calendar (JSON or YAML)
  --organisation F    the organisation's compliance record (as 'compliance audit' reads
                      it): GET /v1/compliance/audit and /v1/compliance/report are about it;
                      when its policy is an institution's, give that overlay with --overlay
  --rate N            requests a second per token (default 20)
  --client-rate N     requests a second per client address without a known token:
                      the public routes and failed authentications (default 5)
  --trusted-proxy P   reverse proxies (CIDR prefixes, comma-separated) whose
                      X-Forwarded-For names the client
  --webhook URL       deliver deadline reminders there, as 'hifazat remind' does,
                      every --remind-every (default 1m); --windows, --origin as for remind
  --smtp HOST:PORT    e-mail them too (or instead), as remind does: --mail-from,
                      --mail-to FORUM=ADDRESS,..., --smtp-user (HIFAZAT_SMTP_PASSWORD)`

const tokenUsage = `usage: hifazat token --id ID --role ROLE --org ORG

Issues a bearer token for an actor. Prints {"token", "entry"}: give the
token to the actor once, over a safe channel; add the entry (its SHA-256 and
the actor, never the token) to the file 'hifazat serve --tokens F' reads,
a JSON array of entries: [{"sha256":...,"actor":{...}}, ...].
Roles: complainant, accused, inquiry_committee, competent_authority,
ombudsperson, statistics.`

// cmdServe runs "hifazat serve" until SIGINT or SIGTERM.
func cmdServe(e *env, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, e, args)
}

// serve runs the server until ctx is done, then shuts it down gracefully.
func serve(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "serve")
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	location := fs.String("store", sqlstore.DefaultLocation, "the store")
	keyFile := keyFlag(fs)
	tokensFile := fs.String("tokens", "", "token file")
	overlay := fs.String("overlay", "", "policy overlay file")
	calFile := fs.String("calendar-file", "", "calendar file")
	orgFile := fs.String("organisation", "", "the organisation's compliance record")
	perSecond := fs.Float64("rate", 20, "requests a second per token")
	clientRate := fs.Float64("client-rate", 5, "requests a second per client address without a known token")
	proxies := fs.String("trusted-proxy", "", "reverse proxies, CIDR prefixes")
	var rf reminderFlags
	rf.register(fs)
	every := fs.Duration("remind-every", time.Minute, "how often the reminder loop runs")
	if _, status, done := parseArgs(e, "serve", serveUsage, fs, args, 0, ""); done {
		return status
	}
	cfg := httpapi.Config{Today: e.today, Now: e.now, Rate: rate.Limit(*perSecond), Burst: 2 * int(*perSecond+1),
		ClientRate: rate.Limit(*clientRate), ClientBurst: 4 * int(*clientRate+1),
		Logger: slog.New(slog.NewJSONHandler(e.stderr, nil)), Metrics: httpapi.NewMetrics()}
	var demo []demoToken
	var err error
	if *perSecond <= 0 || *clientRate <= 0 {
		return e.fail(exitUsage, "serve: --rate and --client-rate must be above 0")
	}
	if cfg.TrustedProxies, err = prefixes(*proxies); err != nil {
		return e.fail(exitUsage, "serve: --trusted-proxy: %v", err)
	}
	if cfg.Policies, err = policiesWith(e, *overlay); err != nil {
		return e.fail(exitUsage, "serve: --overlay: %v", err)
	}
	if *calFile != "" {
		if cfg.Calendar, err = readCalendar(e, *calFile); err != nil {
			return e.fail(exitUsage, "serve: --calendar-file: %v", err)
		}
	}
	if *orgFile != "" {
		if cfg.Organisation, err = servedOrganisation(e, *orgFile); err != nil {
			return e.fail(exitUsage, "serve: --organisation: %v", err)
		}
		if _, err := cfg.Policies.Get(cfg.Organisation.Policy); err != nil {
			return e.fail(exitUsage, "serve: --organisation %s: the organisation operates under %q, which is neither built in nor the --overlay given: give its institutional overlay with --overlay FILE (%v)", *orgFile, cfg.Organisation.Policy, err)
		}
	}
	switch {
	case *tokensFile != "":
		if cfg.Tokens, err = readTokens(*tokensFile); err != nil {
			return e.fail(exitUsage, "serve: --tokens: %v", err)
		}
	case *location == "memory:":
		if demo, cfg.Tokens, err = demoTokens(); err != nil {
			return e.fail(exitUsage, "serve: %v", err)
		}
	default:
		return e.fail(exitUsage, "serve: --tokens F is required (issue tokens with 'hifazat token'); only --store memory: serves demo tokens")
	}
	var engOpts casefsm.Options
	if cfg.Calendar != nil {
		engOpts.Calendars = []*deadlines.Calendar{cfg.Calendar}
	}
	eng, err := casefsm.NewEngine(cfg.Policies, engOpts)
	if err != nil {
		return e.fail(exitUsage, "serve: %v", err)
	}
	opts := casestore.Options{Engine: eng, Today: e.today}
	if opts.Keys, err = storeKeys(*keyFile); err != nil {
		return e.fail(exitUsage, "serve: --key-file: %v", err)
	}
	if w := opts.Warning(); w != "" {
		cfg.Logger.Warn(w)
	}
	if cfg.Store, err = sqlstore.Open(ctx, *location, opts); err != nil {
		return e.fail(exitUsage, "serve: %v", err)
	}
	defer cfg.Store.Close()
	api, err := httpapi.New(cfg)
	if err != nil {
		return e.fail(exitUsage, "serve: %v", err)
	}
	if rf.enabled() {
		l, err := rf.loop(ctx, e, cfg.Store, cfg.Policies)
		if err != nil {
			return e.fail(exitUsage, "serve: %v", err)
		}
		l.OnSend = func(typ string, err error) {
			if err != nil {
				cfg.Metrics.Reminder(typ, "failed")
				return
			}
			cfg.Metrics.Reminder(typ, "sent")
		}
		go l.Run(ctx, *every, func(err error) { cfg.Logger.Error("reminder round failed", "kind", fmt.Sprintf("%T", err)) })
	}
	if *tokensFile != "" {
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		go reloadTokens(ctx, hup, *tokensFile, api, cfg.Logger)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return e.fail(exitUsage, "serve: %v", err)
	}
	fmt.Fprintf(e.stdout, "hifazat: serving the API on http://%s (OpenAPI at /openapi.json); Ctrl-C stops\n", ln.Addr())
	printDemoTokens(e, ln.Addr().String(), demo)
	return runServer(ctx, e, ln, api)
}

// runServer serves on ln until ctx is done, then lets requests in flight
// finish for up to 10 seconds.
func runServer(ctx context.Context, e *env, ln net.Listener, h http.Handler) int {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return e.fail(exitUsage, "serve: %v", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return e.fail(exitUsage, "serve: shutdown: %v", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return e.fail(exitUsage, "serve: %v", err)
	}
	fmt.Fprintln(e.stdout, "hifazat: stopped")
	return exitOK
}

// policiesWith returns the built-in policies, joined by the overlay in file
// path when one is given.
func policiesWith(e *env, path string) (*policy.Set, error) {
	set := policy.Builtin()
	if path == "" {
		return set, nil
	}
	data, err := readInput(e, path)
	if err != nil {
		return nil, err
	}
	o, err := policy.ParseOverlay(data)
	if err != nil {
		return nil, err
	}
	p, err := set.Apply(o)
	if err != nil {
		return nil, err
	}
	return policy.NewSet(append(set.All(), p)...)
}

// servedOrganisation reads an organisation's compliance record (whose
// policy httpapi.New checks against the server's).
func servedOrganisation(e *env, path string) (*compliance.Organisation, error) {
	data, err := readInput(e, path)
	if err != nil {
		return nil, err
	}
	return compliance.ParseOrganisation(data)
}

func readCalendar(e *env, path string) (*deadlines.Calendar, error) {
	data, err := readInput(e, path)
	if err != nil {
		return nil, err
	}
	return deadlines.ParseCalendar(data)
}

func readTokens(path string) ([]httpapi.TokenEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return httpapi.ParseTokens(f)
}

// reloadTokens re-reads the token file each time hup fires, until ctx is
// done, and gives the server the tokens it holds now. A file that cannot be
// read or parsed changes nothing: a half-written file must not lock
// everyone out, nor a mistake let a revoked token back in.
func reloadTokens(ctx context.Context, hup <-chan os.Signal, path string, api *httpapi.Server, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
		}
		es, err := readTokens(path)
		if err == nil {
			err = api.SetTokens(es)
		}
		if err != nil {
			log.Error("tokens not reloaded; the previous ones stay", "error", err.Error())
			continue
		}
		log.Info("tokens reloaded", "tokens", len(es))
	}
}

// prefixes reads comma-separated CIDR prefixes ("10.0.0.0/8, ::1/128").
func prefixes(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// demoToken is a token printed for a newcomer trying the memory store.
type demoToken struct {
	actor httpapi.Actor
	token string
}

// demoTokens issues a token for each role of the demo case's people (ids
// as in 'hifazat demo').
func demoTokens() ([]demoToken, []httpapi.TokenEntry, error) {
	actors := []httpapi.Actor{
		{ID: "ic-1", Role: httpapi.InquiryCommittee, Org: "demo"},
		{ID: "e-17", Role: httpapi.Complainant, Org: "demo"},
		{ID: "e-42", Role: httpapi.Accused, Org: "demo"},
		{ID: "ca-1", Role: httpapi.CompetentAuthority, Org: "demo"},
	}
	var demo []demoToken
	var entries []httpapi.TokenEntry
	for _, a := range actors {
		tok, entry, err := httpapi.Issue(a)
		if err != nil {
			return nil, nil, err
		}
		demo = append(demo, demoToken{a, tok})
		entries = append(entries, entry)
	}
	return demo, entries, nil
}

func printDemoTokens(e *env, addr string, demo []demoToken) {
	if len(demo) == 0 {
		return
	}
	fmt.Fprintln(e.stdout, "demo tokens (memory store: gone when the server stops):")
	for _, d := range demo {
		fmt.Fprintf(e.stdout, "  %-20s %-5s %s\n", d.actor.Role, d.actor.ID, d.token)
	}
	fmt.Fprintf(e.stdout, "try: curl -H 'Authorization: Bearer %s' http://%s/v1/policies\n", demo[0].token, addr)
}

// cmdToken runs "hifazat token".
func cmdToken(e *env, args []string) int {
	fs := newFlags(e, "token")
	var a httpapi.Actor
	fs.StringVar(&a.ID, "id", "", "the actor's id")
	role := fs.String("role", "", "the actor's role")
	fs.StringVar(&a.Org, "org", "", "the organisation")
	if _, status, done := parseArgs(e, "token", tokenUsage, fs, args, 0, ""); done {
		return status
	}
	r, err := httpapi.ParseRole(strings.TrimSpace(*role))
	if err != nil {
		return e.fail(exitUsage, "token: --role: %v", err)
	}
	a.Role = r
	tok, entry, err := httpapi.Issue(a)
	if err != nil {
		return e.fail(exitUsage, "token: %v", err)
	}
	return printJSON(e, "token", struct {
		Token string             `json:"token"`
		Entry httpapi.TokenEntry `json:"entry"`
	}{tok, entry})
}
