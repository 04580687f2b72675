package main

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCodeOfConductFormats(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"federal markdown", nil, []string{"# Code of Conduct", "single incident", "Federal Ombudsperson", "within 90 days (s.8(6))"}},
		{"punjab, Urdu", []string{"--policy", "pk-punjab-2013", "--lang", "ur"}, []string{`<div dir="rtl" lang="ur">`, "محتسب پنجاب", "سرکاری متن نہیں"}},
		{"organisation, html", []string{"--org", complianceOrg, "--overlay", complianceOverlay, "--format", "html"},
			[]string{`<html lang="en" dir="ltr">`, "Riverside University", "Dr. Samina Qureshi (Chairperson)", "Competent Authority: Vice Chancellor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runCLI(t, "", append([]string{"code-of-conduct"}, tt.args...)...)
			require.Equal(t, exitOK, status, stderr)
			for _, w := range tt.want {
				assert.Contains(t, stdout, w)
			}
		})
	}
}

func TestCodeOfConductRefusesBadUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "docx"}, "want md, html or pdf"},
		{[]string{"--lang", "pa"}, "--lang"},
		{[]string{"--policy", "pk-mars-2099"}, "pk-mars-2099"},
		{[]string{"--overlay", complianceOverlay}, "--overlay needs --org"},
		{[]string{"--org", complianceOrg, "--overlay", complianceOverlay, "--policy", "pk-federal-2022"}, "operates under riverside-2024"},
		{[]string{"--org", complianceOrg}, "give the institutional overlay with that id with --overlay FILE"},
		{[]string{"extra"}, "unexpected argument"},
	}
	for _, tt := range tests {
		_, stderr, status := runCLI(t, "", append([]string{"code-of-conduct"}, tt.args...)...)
		assert.Equal(t, exitUsage, status, tt.args)
		assert.Contains(t, stderr, tt.want)
	}
}

// TestCodeOfConductPDF prints the Urdu Code to PDF, checks that it embeds a
// Nastaliq font, renders its first page to PNG with pdftoppm and checks
// that the page is not blank. Without Chromium or poppler-utils it skips,
// except under CI, where .ci/run installs them.
func TestCodeOfConductPDF(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			skipOrFail(t, tool+" not installed (Debian: poppler-utils)")
		}
	}
	if _, err := findChromium(); err != nil {
		skipOrFail(t, err.Error())
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "code.pdf")
	_, stderr, status := runCLI(t, "", "code-of-conduct", "--org", complianceOrg, "--overlay", complianceOverlay,
		"--lang", "ur", "--format", "pdf", "--out", pdf)
	require.Equal(t, exitOK, status, stderr)
	fonts, err := exec.Command("pdffonts", pdf).CombinedOutput()
	require.NoError(t, err, string(fonts))
	assert.Contains(t, string(fonts), "NotoNastaliqUrdu", "the Urdu is set in an embedded Nastaliq font")
	out, err := exec.Command("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", pdf, filepath.Join(dir, "page")).CombinedOutput()
	require.NoError(t, err, string(out))
	pages, err := filepath.Glob(filepath.Join(dir, "page*.png"))
	require.NoError(t, err)
	require.Len(t, pages, 1)
	f, err := os.Open(pages[0])
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	b := img.Bounds()
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r+g+bl < 3*0x8000 {
				dark++
			}
		}
	}
	share := float64(dark) / float64(b.Dx()*b.Dy())
	assert.Greater(t, share, 0.01, "the first page is (nearly) blank: %.4f of its pixels are dark", share)
}

// skipOrFail skips a test that needs a tool not installed, except under CI.
func skipOrFail(t *testing.T, why string) {
	t.Helper()
	if strings.EqualFold(os.Getenv("CI"), "true") {
		t.Fatal(why)
	}
	t.Skip(why)
}
