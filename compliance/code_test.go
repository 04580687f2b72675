package compliance_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hifazat/hifazat/committee"
	"github.com/hifazat/hifazat/compliance"
	"github.com/hifazat/hifazat/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/code/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "code", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./compliance -run Golden -update")
	assert.Equal(t, string(want), string(got), "golden file %s; rerun with -update after checking the difference", path)
}

func TestCodeOfConductGolden(t *testing.T) {
	for _, lang := range []committee.Language{committee.English, committee.Urdu} {
		doc, err := compliance.CodeOfConduct(riversidePolicy(t), riverside(t), lang)
		require.NoError(t, err)
		golden(t, "riverside."+lang.String()+".md", doc.Markdown())
		golden(t, "riverside."+lang.String()+".html", doc.HTML())
		generic, err := compliance.CodeOfConduct(builtin(t, policy.PunjabAct2013), nil, lang)
		require.NoError(t, err)
		golden(t, "punjab."+lang.String()+".md", generic.Markdown())
	}
}

func TestCodeOfConductFollowsThePolicy(t *testing.T) {
	amended, err := compliance.CodeOfConduct(builtin(t, policy.FederalAct2022), nil, committee.English)
	require.NoError(t, err)
	enacted, err := compliance.CodeOfConduct(builtin(t, policy.FederalAct2010), nil, committee.English)
	require.NoError(t, err)
	assert.True(t, amended.Amended)
	assert.False(t, enacted.Amended)
	a, e := string(amended.Markdown()), string(enacted.Markdown())
	assert.Contains(t, a, "single incident that makes a person uncomfortable", "2022 proviso to Code (ii)")
	assert.NotContains(t, e, "single incident that makes a person uncomfortable")
	assert.Contains(t, a, "counter-blast", "2022 sentence added to Code (xi)")
	assert.NotContains(t, e, "counter-blast")
	assert.Contains(t, e, "pattern of behaviour", "the 2010 hostile environment")
	assert.NotContains(t, a, "pattern of behaviour", "no pattern requirement after 2022")
	assert.Contains(t, a, "within 90 days (s.8(6))", "the 2022 Ombudsperson period")
	assert.NotContains(t, e, "s.8(6)")
	assert.Contains(t, a, "Federal Ombudsperson")
	assert.Contains(t, e, "within 3 days of receiving it (s.4(1)(a))")
}

func TestCodeOfConductShowsTheOrganisation(t *testing.T) {
	doc, err := compliance.CodeOfConduct(riversidePolicy(t), riverside(t), committee.Urdu)
	require.NoError(t, err)
	md := string(doc.Markdown())
	assert.Contains(t, md, `<div dir="rtl" lang="ur">`)
	assert.Contains(t, md, "Dr. Samina Qureshi (چیئرپرسن)")
	assert.Contains(t, md, "مجاز اتھارٹی: Vice Chancellor")
	assert.Contains(t, md, "سرکاری متن نہیں", "marked as a translation, not the official text")
	html := string(doc.HTML())
	assert.Contains(t, html, `<html lang="ur" dir="rtl">`)
	assert.Contains(t, html, "Noto Nastaliq Urdu")
	assert.True(t, strings.Count(html, "<h3>") == 13, "thirteen paragraphs")
}

func TestCodeOfConductRefusesAnotherPolicysOrganisation(t *testing.T) {
	_, err := compliance.CodeOfConduct(builtin(t, policy.FederalAct2022), riverside(t), committee.English)
	assert.ErrorIs(t, err, compliance.ErrPolicy)
	_, err = compliance.CodeOfConduct(nil, nil, committee.English)
	assert.ErrorIs(t, err, compliance.ErrPolicy)
}

func TestCodeOfConductEscapesHTML(t *testing.T) {
	org := riverside(t)
	org.Name = `<script>alert("x")</script> & Co`
	doc, err := compliance.CodeOfConduct(riversidePolicy(t), org, committee.English)
	require.NoError(t, err)
	html := string(doc.HTML())
	assert.NotContains(t, html, "<script>")
	assert.Contains(t, html, "&lt;script&gt;")
}
