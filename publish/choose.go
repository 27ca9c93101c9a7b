package publish

import (
	"fmt"
	"strings"
)

// ChoiceError is a format, or an output file's extension, outside the
// choices: Flag names what was given (--format, -o), Value is its value
// and Choices what would do. UsageKey words it.
type ChoiceError struct {
	Flag, Value, Choices string
}

// Error says what was given and what would do.
func (e *ChoiceError) Error() string {
	return fmt.Sprintf("%s %q: want %s", e.Flag, e.Value, e.Choices)
}

// NeedsOutputError is a binary format (PNG, PDF, a workbook) asked for
// standard output: it needs a file. UsageKey words it.
type NeedsOutputError struct {
	Format string
}

// Error names the format.
func (e *NeedsOutputError) Error() string {
	return e.Format + " needs an output file"
}

// toFile reports whether output names a file, not standard output ("" or
// "-").
func toFile(output string) bool { return output != "" && output != "-" }

// ChartFormat is the format of one chart written to output (a file, or
// standard output for "" or "-"): a file's extension, which format must
// agree with when given; else format; else SVG. Errors are *ChoiceError
// (an extension or a format that draws no chart, or the two disagreeing)
// and *NeedsOutputError (a binary format without a file).
func (r *Registry) ChartFormat(format, output string) (*Format, error) {
	if toFile(output) {
		f, ok := r.ByExt(output)
		if !ok || f.Chart == nil {
			return nil, &ChoiceError{Flag: "-o", Value: output, Choices: "FILE." + strings.Join(r.Charts(), ", FILE.")}
		}
		if format != "" && format != f.Name {
			return nil, &ChoiceError{Flag: "--format", Value: format, Choices: f.Name + " (the extension of -o)"}
		}
		format = f.Name
	}
	if format == "" {
		format = ImageSVG
	}
	f, ok := r.Lookup(format)
	if !ok || f.Chart == nil {
		return nil, &ChoiceError{Flag: "--format", Value: format, Choices: strings.Join(r.Charts(), ", ")}
	}
	if f.Binary && !toFile(output) {
		return nil, &NeedsOutputError{Format: f.Name}
	}
	return f, nil
}

// TrendFormat is the format of a trend written to output: format (any
// case), else a file's extension (a chart format's, or .json), else
// text. name is "text", "json" or chart's name; chart is nil for text and
// JSON. Errors are ChartFormat's.
func (r *Registry) TrendFormat(format, output string) (name string, chart *Format, err error) {
	name = strings.ToLower(format)
	if name == "" && toFile(output) {
		if f, ok := r.ByExt(output); ok && f.Chart != nil {
			name = f.Name
		} else if strings.HasSuffix(strings.ToLower(output), ".json") {
			name = "json"
		}
	}
	if name == "" {
		name = "text"
	}
	if name == "text" || name == "json" {
		return name, nil, nil
	}
	f, ok := r.Lookup(name)
	if !ok || f.Chart == nil {
		return "", nil, &ChoiceError{Flag: "--format", Value: format, Choices: "text, json, " + strings.Join(r.Charts(), ", ")}
	}
	if f.Binary && !toFile(output) {
		return "", nil, &NeedsOutputError{Format: f.Name}
	}
	return name, f, nil
}

// ReportFormat is the format of a census report written to output:
// errors are *ChoiceError (a format that writes no report) and
// *NeedsOutputError (a binary format without a file).
func (r *Registry) ReportFormat(format, output string) (*Format, error) {
	return r.choose(format, output, func(f *Format) bool { return f.Report != nil }, r.Reports)
}

// RecipeFormat is the format of a recipe of tables written to output,
// with ReportFormat's errors.
func (r *Registry) RecipeFormat(format, output string) (*Format, error) {
	return r.choose(format, output, func(f *Format) bool { return f.Recipe != nil }, r.Recipes)
}

// FigureFormat is the format of one figure (a table or its chart) written
// to output, with ReportFormat's errors.
func (r *Registry) FigureFormat(format, output string) (*Format, error) {
	return r.choose(format, output, func(f *Format) bool { return f.Recipe != nil || f.Chart != nil }, r.FigureFormats)
}

// choose is the format named format if it serves (ok), else a
// *ChoiceError listing those that do; a binary one needs a file.
func (r *Registry) choose(format, output string, ok func(*Format) bool, choices func() []string) (*Format, error) {
	f, found := r.Lookup(format)
	if !found || !ok(f) {
		return nil, &ChoiceError{Flag: "--format", Value: format, Choices: strings.Join(choices(), ", ")}
	}
	if f.Binary && !toFile(output) {
		return nil, &NeedsOutputError{Format: f.Name}
	}
	return f, nil
}
