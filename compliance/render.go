package compliance

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/hifazat/hifazat/committee"
)

// Markdown renders the document as Markdown. The Urdu document is wrapped
// in a right-to-left block (<div dir="rtl" lang="ur">), which Markdown
// renderers pass through.
func (d *CodeDocument) Markdown() []byte {
	var b strings.Builder
	rtl := d.Language == committee.Urdu
	if rtl {
		b.WriteString("<div dir=\"rtl\" lang=\"ur\">\n\n")
	}
	b.WriteString("# " + d.Title + "\n\n")
	if d.Organisation != "" {
		b.WriteString("## " + d.Organisation + "\n\n")
	}
	b.WriteString("> " + d.Notice + "\n\n")
	for _, p := range d.Paragraphs {
		section(&b, "###", p)
	}
	section(&b, "##", d.Contacts)
	section(&b, "##", d.Complain)
	b.WriteString("---\n\n" + d.Footer + "\n")
	if rtl {
		b.WriteString("\n</div>\n")
	}
	return []byte(b.String())
}

// section writes a heading and its paragraphs.
func section(b *strings.Builder, level string, s CodeSection) {
	b.WriteString(level + " " + s.Heading + "\n\n")
	for _, p := range s.Body {
		b.WriteString(p + "\n\n")
	}
}

// HTML renders the document as one self-contained HTML page, ready to print
// on A4. Urdu is right-to-left in a Nastaliq font (Noto Nastaliq Urdu,
// falling back to Naskh); English is in a serif font.
func (d *CodeDocument) HTML() []byte {
	var b bytes.Buffer
	lang, dir := "en", "ltr"
	if d.Language == committee.Urdu {
		lang, dir = "ur", "rtl"
	}
	// The template is a constant and the document's fields are strings:
	// Execute cannot fail on them but for a broken writer, and a
	// bytes.Buffer does not break.
	_ = codeHTML.Execute(&b, struct {
		*CodeDocument
		Lang, Dir string
	}{d, lang, dir})
	return b.Bytes()
}

var codeHTML = template.Must(template.New("code").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}{{with .Organisation}}: {{.}}{{end}}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 48em; margin: 0 auto; }
html[lang="ur"] body { font-family: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Noto Naskh Arabic", serif; font-size: 12pt; line-height: 2.2; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 14pt; margin: 1em 0 .3em; }
h3 { font-size: 12pt; margin: .8em 0 .2em; }
.notice { border: 1px solid #777; padding: .4em .7em; font-size: 10pt; }
footer { border-top: 1px solid #777; margin-top: 1.5em; padding-top: .4em; font-size: 9.5pt; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{with .Organisation}}<h2>{{.}}</h2>
{{end}}<p class="notice">{{.Notice}}</p>
{{range .Paragraphs}}<section>
<h3>{{.Heading}}</h3>
{{range .Body}}<p>{{.}}</p>
{{end}}</section>
{{end}}<section>
<h2>{{.Contacts.Heading}}</h2>
{{range .Contacts.Body}}<p>{{.}}</p>
{{end}}</section>
<section>
<h2>{{.Complain.Heading}}</h2>
{{range .Complain.Body}}<p>{{.}}</p>
{{end}}</section>
<footer>{{.Footer}}</footer>
</body>
</html>
`))
