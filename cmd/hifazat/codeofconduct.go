package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

const codeUsage = `usage: hifazat code-of-conduct [--policy ID] [--org ORG-FILE [--overlay FILE]] [--lang en|ur] [--format md|html|pdf] [--out FILE]

Prints the Code of Conduct (the Schedule to the Act) as the policy in force
has it, ready to display and to hand to a new employee (s.11): the 2022 text
federally, the 2010 text under the provincial Acts. With --org, it names
the organisation, its Inquiry Committee and Competent Authority; it always
says how to complain by either route (s.8(1)), with the policy's periods.
The text is a plain-language rendering, and the Urdu the project's own
translation; both say that they are not the official text.

  --policy ID    built-in policy (default: the organisation's, else pk-federal-2022)
  --org FILE     the organisation file (see 'hifazat compliance audit')
  --overlay FILE the institutional overlay the organisation's policy is
  --lang L       en or ur (right-to-left, in a Nastaliq font)
  --format F     md (default), html (one page, ready to print on A4) or pdf
  --out FILE     write to FILE instead of standard output

--format pdf prints the HTML page with headless Chromium, which embeds the
fonts: install Debian's chromium and fonts-noto-core (Noto Nastaliq Urdu),
or set HIFAZAT_CHROMIUM to a Chromium or Chrome binary. Without it, print
the --format html page from any browser.

Exit status: 0 printed, 2 bad usage, malformed input or no Chromium for pdf.`

func cmdCodeOfConduct(e *env, args []string) int {
	const name = "code-of-conduct"
	fs := newFlags(e, name)
	policyID := fs.String("policy", "", "policy id")
	orgPath := fs.String("org", "", "organisation file")
	overlay := fs.String("overlay", "", "overlay file")
	lang := fs.String("lang", "en", "en or ur")
	format := fs.String("format", "md", "md, html or pdf")
	out := fs.String("out", "", "output file")
	if _, status, done := parseArgs(e, name, codeUsage, fs, args, 0, ""); done {
		return status
	}
	l, err := committee.ParseLanguage(*lang)
	if err != nil {
		return e.fail(exitUsage, "%s: --lang: %v", name, err)
	}
	if *format != "md" && *format != "html" && *format != "pdf" {
		return e.fail(exitUsage, "%s: --format %q: want md, html or pdf", name, *format)
	}
	org, pol, err := codePolicy(e, *policyID, *orgPath, *overlay)
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	doc, err := compliance.CodeOfConduct(pol, org, l)
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	var data []byte
	switch *format {
	case "md":
		data = doc.Markdown()
	case "html":
		data = doc.HTML()
	case "pdf":
		if data, err = printPDF(doc.HTML()); err != nil {
			return e.fail(exitUsage, "%s: %v", name, err)
		}
	}
	if *out != "" {
		err = os.WriteFile(*out, data, 0o644)
	} else {
		_, err = e.stdout.Write(data)
	}
	if err != nil {
		return e.fail(exitUsage, "%s: %v", name, err)
	}
	return exitOK
}

// codePolicy resolves the organisation (if any) and the policy: --policy,
// else the organisation's, else the amended federal Act.
func codePolicy(e *env, id, orgPath, overlay string) (*compliance.Organisation, *policy.Policy, error) {
	if orgPath == "" {
		if overlay != "" {
			return nil, nil, errors.New("--overlay needs --org")
		}
		if id == "" {
			id = string(policy.FederalAct2022)
		}
		p, err := policy.Builtin().Get(policy.ID(id))
		return nil, p, err
	}
	org, pol, err := readOrganisation(e, orgPath, overlay)
	if err != nil {
		return nil, nil, err
	}
	if id != "" && policy.ID(id) != org.Policy {
		return nil, nil, fmt.Errorf("--policy %s: the organisation operates under %s", id, org.Policy)
	}
	return org, pol, nil
}

// chromiumTimeout bounds one PDF print.
const chromiumTimeout = 2 * time.Minute

// printPDF prints an HTML page to PDF with headless Chromium, which shapes
// Urdu and embeds the fonts it used.
func printPDF(html []byte) ([]byte, error) {
	bin, err := findChromium()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "hifazat-code-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	page, pdf := filepath.Join(dir, "code.html"), filepath.Join(dir, "code.pdf")
	if err := os.WriteFile(page, html, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), chromiumTimeout)
	defer cancel()
	args := []string{"--headless", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=" + filepath.Join(dir, "profile"),
		"--print-to-pdf=" + pdf, (&url.URL{Scheme: "file", Path: page}).String()}
	if os.Geteuid() == 0 {
		// Chromium refuses to run as root inside its sandbox.
		args = append([]string{"--no-sandbox"}, args...)
	}
	if msg, err := exec.CommandContext(ctx, bin, args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s failed: %v: %s", bin, err, lastLine(msg))
	}
	return os.ReadFile(pdf)
}

// findChromium returns $HIFAZAT_CHROMIUM or the first Chromium or Chrome on
// the PATH.
func findChromium() (string, error) {
	if bin := os.Getenv("HIFAZAT_CHROMIUM"); bin != "" {
		return bin, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if bin, err := exec.LookPath(name); err == nil {
			return bin, nil
		}
	}
	return "", errors.New("--format pdf needs Chromium (Debian: apt-get install chromium fonts-noto-core) or HIFAZAT_CHROMIUM; or print the --format html page from a browser")
}

// lastLine returns the last non-empty line of a command's output.
func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i] != "" {
			return lines[i]
		}
	}
	return ""
}
