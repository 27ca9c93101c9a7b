package publish

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/i18n"
)

// Format is one output format of modelcensus, registered once by name so
// that every command and the API offer the same list (see Registry). A
// format writes a whole report (Report), one chart (Chart), or both.
type Format struct {
	// Name is what --format and the API's format parameter take: "json".
	Name string
	// Aliases are other names accepted for it: "md" for markdown.
	Aliases []string
	// Ext is the file extension, without the dot, that chooses the
	// format from -o's name.
	Ext string
	// MIME is the media type an HTTP answer in this format carries.
	MIME string
	// Binary formats are not written to a terminal: they need -o.
	Binary bool
	// Models marks report formats that list the models behind the census
	// (the document needs the raw rows; see RawCollector).
	Models bool
	// Report writes the census document d, or is nil.
	Report func(ctx context.Context, w io.Writer, d *Document, o Options) error
	// Chart draws one chart, or is nil.
	Chart func(w io.Writer, c Chart, l i18n.Lang) error
	// Recipe writes a recipe's figures (report --recipe), or is nil.
	Recipe func(ctx context.Context, w io.Writer, d *RecipeDocument, o Options) error
}

// Options are what a format writer needs beside the document.
type Options struct {
	// Lang is the language of every label.
	Lang i18n.Lang
	// Version is the modelcensus version named in documents.
	Version string
	// Formats is the registry the writer was found in, for writers that
	// draw charts with another format (Markdown's SVG files).
	Formats *Registry
	// Output is the file the report goes to, or "" for a stream. Markdown
	// writes its chart files beside it.
	Output string
	// Width is the width in columns of the terminal the text goes to, or 0
	// when it is not one; text tables cut long names only where they
	// would not fit in it (Table.Width).
	Width int
}

// Registry holds the output formats, in the order they were registered.
// The zero value is empty; Builtin returns one with the formats of this
// package, and the adapters (publish/xlsx, publish/plot) register theirs.
type Registry struct {
	list []*Format
}

// Register adds f, replacing a format of the same name.
func (r *Registry) Register(f Format) {
	for i, g := range r.list {
		if g.Name == f.Name {
			r.list[i] = &f
			return
		}
	}
	r.list = append(r.list, &f)
}

// Lookup finds a format by name or alias, case-insensitively.
func (r *Registry) Lookup(name string) (*Format, bool) {
	name = strings.ToLower(name)
	for _, f := range r.list {
		if f.Name == name || slices.Contains(f.Aliases, name) {
			return f, true
		}
	}
	return nil, false
}

// ByExt finds the format whose extension is that of path.
func (r *Registry) ByExt(path string) (*Format, bool) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	for _, f := range r.list {
		if ext != "" && f.Ext == ext {
			return f, true
		}
	}
	return nil, false
}

// Reports lists the names of the formats that write a report.
func (r *Registry) Reports() []string {
	return r.names(func(f *Format) bool { return f.Report != nil })
}

// Charts lists the names of the formats that draw a chart.
func (r *Registry) Charts() []string {
	return r.names(func(f *Format) bool { return f.Chart != nil })
}

// Recipes lists the names of the formats that write a recipe's figures
// (Format.Recipe), in registration order.
func (r *Registry) Recipes() []string {
	return r.names(func(f *Format) bool { return f.Recipe != nil })
}

// All returns every format, in registration order.
func (r *Registry) All() []*Format { return slices.Clone(r.list) }

func (r *Registry) names(keep func(*Format) bool) []string {
	var out []string
	for _, f := range r.list {
		if keep(f) {
			out = append(out, f.Name)
		}
	}
	return out
}

// Format names of the built-in formats.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatCSV      = "csv"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatPDF      = "pdf"
	FormatXLSX     = "xlsx" // registered by publish/xlsx
)

// Builtin returns a registry with the formats this package writes: text,
// json, csv, markdown, html and pdf.
func Builtin() *Registry {
	r := &Registry{}
	r.Register(Format{Name: FormatText, Aliases: []string{"txt"}, Ext: "txt", MIME: "text/plain; charset=utf-8",
		Report: func(_ context.Context, w io.Writer, d *Document, o Options) error {
			return writeText(w, d.Result, o.Lang, o.Width)
		}, Recipe: recipeTextWriter(FormatText)})
	r.Register(Format{Name: FormatJSON, Ext: "json", MIME: "application/json",
		Report: func(_ context.Context, w io.Writer, d *Document, o Options) error { return WriteJSON(w, d.Result) },
		Recipe: recipeTextWriter(FormatJSON)})
	r.Register(Format{Name: FormatCSV, Ext: "csv", MIME: "text/csv; charset=utf-8",
		Report: func(_ context.Context, w io.Writer, d *Document, o Options) error {
			return WriteCSV(w, d.Result, o.Lang)
		}, Recipe: recipeTextWriter(FormatCSV)})
	r.Register(Format{Name: FormatMarkdown, Aliases: []string{"md"}, Ext: "md", MIME: "text/markdown; charset=utf-8", Models: true,
		Report: writeMarkdownReport, Recipe: recipeTextWriter(FormatMarkdown)})
	r.Register(Format{Name: FormatHTML, Aliases: []string{"htm"}, Ext: "html", MIME: "text/html; charset=utf-8", Models: true,
		Report: writeHTMLReport, Recipe: writeRecipeHTMLFormat})
	r.Register(Format{Name: FormatPDF, Ext: "pdf", MIME: "application/pdf", Binary: true, Models: true, Report: writePDF, Recipe: writeRecipePDF})
	return r
}

// writeMarkdownReport writes the Markdown report; with an output file and
// an SVG chart format registered, each chart goes in a file beside it
// (brief.md gets brief-per_year.svg, …), shown before its table.
func writeMarkdownReport(_ context.Context, w io.Writer, d *Document, o Options) error {
	var images map[string][]Image
	if svg, ok := o.Formats.Lookup(ImageSVG); ok && svg.Chart != nil && o.Output != "" {
		base := strings.TrimSuffix(o.Output, filepath.Ext(o.Output))
		images = map[string][]Image{}
		for _, c := range Charts(d, o.Lang) {
			var buf bytes.Buffer
			if err := svg.Chart(&buf, c, o.Lang); err != nil {
				return err
			}
			path := base + "-" + c.ID + ".svg"
			if err := WriteFileAtomic(path, buf.Bytes()); err != nil {
				return &OutputError{Path: path, Err: err}
			}
			images[c.Table] = append(images[c.Table], Image{Alt: c.Title, Path: filepath.Base(path)})
		}
	}
	return WriteMarkdownImages(w, d.Result, o.Lang, images)
}

// writeHTMLReport writes the HTML brief. A Korean brief made where no
// font draws Korean is refused (NoCJKFontError): it would show, and
// print, as empty boxes on this machine. A brief in English keeps the
// data's Korean names as text, for the reader's fonts.
func writeHTMLReport(_ context.Context, w io.Writer, d *Document, o Options) error {
	if o.Lang == i18n.KO {
		if _, ok := CJKFont(); !ok {
			return NoCJKFontError{}
		}
	}
	d = withTrendImage(d, o)
	return WriteHTML(w, d, o.Lang, o.Version)
}

// NoChromeError is the PDF format's error when no Chromium or Chrome is
// installed (see FindChrome), or when MODELCENSUS_CHROME names no program
// that can be run (Env holds its value then).
type NoChromeError struct {
	Env string
}

// Error names the programs looked for, or the variable's bad value.
func (e NoChromeError) Error() string {
	if e.Env != "" {
		return "MODELCENSUS_CHROME=" + strconv.Quote(e.Env) + " names no program that can be run: point it at Chromium or Chrome, or unset it"
	}
	return "printing a PDF needs Chromium or Chrome (" + strings.Join(ChromeNames, ", ") + ") on the PATH, or MODELCENSUS_CHROME"
}

// OutputError is a file a writer could not write beside its output.
type OutputError struct {
	Path string
	Err  error
}

// Error names the file.
func (e *OutputError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *OutputError) Unwrap() error { return e.Err }

// writePDF prints the HTML report to PDF with a headless Chromium or
// Chrome, through a temporary folder that it removes.
func writePDF(ctx context.Context, w io.Writer, d *Document, o Options) error {
	d = withTrendImage(d, o)
	return printPDF(ctx, w, func(b *bytes.Buffer) error { return writeHTML(b, d, o.Lang, o.Version, true) })
}

// printPDF prints the page that render writes to PDF with a headless
// Chromium or Chrome, through a temporary folder that it removes.
func printPDF(ctx context.Context, w io.Writer, render func(*bytes.Buffer) error) error {
	chrome := FindChrome()
	if chrome == "" {
		return NoChromeError{Env: ChromeEnvProblem()}
	}
	dir, err := os.MkdirTemp("", "modelcensus-pdf")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, "report.html")
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	// Chromium prints Korean it has no font for as empty boxes, and exits 0.
	if _, ok := CJKFont(); !ok && HasCJK(buf.String()) {
		return NoCJKFontError{}
	}
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		return err
	}
	pdf := filepath.Join(dir, "report.pdf")
	if err := PrintPDF(ctx, chrome, page, pdf); err != nil {
		return fmt.Errorf("printing the PDF: %w", err)
	}
	f, err := os.Open(pdf)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder and a rename, so that a reader never sees half a file. A file
// already there keeps its permissions; a device or pipe (/dev/null) is
// written to, not replaced.
func WriteFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return &IsFolderError{Path: path}
		}
		if !st.Mode().IsRegular() {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			if _, err := f.Write(data); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		}
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &NoFolderError{Dir: dir}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// IsFolderError is an output path that names a folder.
type IsFolderError struct{ Path string }

// Error says to give a file name.
func (e *IsFolderError) Error() string { return e.Path + " is a folder: give a file name" }

// NoFolderError is an output path in a folder that does not exist.
type NoFolderError struct{ Dir string }

// Error names the folder.
func (e *NoFolderError) Error() string { return "folder " + e.Dir + " does not exist" }
