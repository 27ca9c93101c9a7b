package overlay

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"

	"github.com/modelcensus/modelcensus/census"
)

// ErrExists is returned by Write when the folder already has an entry with
// that id.
var ErrExists = errors.New("an entry with this id already exists")

// DuplicateError is an entry that repeats one already in the folder: the
// same model added again (by name or alias), the same field of the same
// model corrected again, the same model excluded again.
type DuplicateError struct {
	Entry, Other, Name string
}

// Error names the entry, the model and the entry it repeats.
func (e *DuplicateError) Error() string {
	return fmt.Sprintf("%s: %q is already the model of %s", e.Entry, e.Name, e.Other)
}

// ErrNoEntry is returned by Retire for an id the folder lacks.
var ErrNoEntry = errors.New("no entry with this id")

// outFile is an entry as Encode writes it: the schema's order, blank
// fields left out.
type outFile struct {
	ID           string   `toml:"id"`
	Kind         string   `toml:"kind"`
	Model        string   `toml:"model"`
	Aliases      []string `toml:"aliases,omitempty"`
	Organization string   `toml:"organization,omitempty"`
	Reason       string   `toml:"reason"`
	Author       string   `toml:"author"`
	Created      string   `toml:"created"`

	Country       string `toml:"country,omitempty"`
	Date          string `toml:"date,omitempty"`
	Domain        string `toml:"domain,omitempty"`
	Parameters    string `toml:"parameters,omitempty"`
	ActiveParams  string `toml:"active_parameters,omitempty"`
	Tokens        string `toml:"tokens,omitempty"`
	Hardware      string `toml:"hardware,omitempty"`
	Compute       string `toml:"compute,omitempty"`
	Confidence    string `toml:"confidence,omitempty"`
	Accessibility string `toml:"accessibility,omitempty"`
	From          string `toml:"from,omitempty"`

	Field    string  `toml:"field,omitempty"`
	Upstream *string `toml:"upstream,omitempty"`
	Value    string  `toml:"value,omitempty"`

	Sources []outSource `toml:"sources"`
}

type outSource struct {
	URL       string `toml:"url"`
	Retrieved string `toml:"retrieved"`
	Note      string `toml:"note,omitempty"`
}

// Encode writes an entry in the schema's TOML (see the package comment).
// Numbers are written as strings, exactly as given.
func Encode(e census.Entry) ([]byte, error) {
	o := outFile{ID: e.ID, Kind: string(e.Kind), Model: e.Model, Aliases: e.Aliases, Organization: e.Organization,
		Reason: e.Reason, Author: e.Author, Created: e.Created, From: e.From}
	switch e.Kind {
	case census.EntryAdd:
		c := e.Cells
		o.Country, o.Date, o.Domain = c[census.FieldCountry], c[census.FieldDate], c[census.FieldDomain]
		o.Parameters, o.Tokens, o.Hardware = c[census.FieldParameters], c[census.FieldDatasetSize], c[census.FieldHardware]
		o.Compute, o.Confidence, o.Accessibility = c[census.FieldCompute], c[census.FieldConfidence], c[census.FieldAccessibility]
		if e.ActiveParams > 0 {
			o.ActiveParams = text(e.ActiveParams)
		}
		if o.Organization == "" {
			o.Organization = c[census.FieldOrganization]
		}
	case census.EntryCorrect:
		for name, f := range census.CorrectableFields {
			if f == e.Field {
				o.Field = name
			}
		}
		up := e.Upstream
		o.Upstream, o.Value = &up, e.Value
	}
	for _, s := range e.Sources {
		o.Sources = append(o.Sources, outSource(s))
	}
	var b bytes.Buffer
	b.WriteString("# modelcensus overlay entry: see `modelcensus curate --help`.\n")
	if err := toml.NewEncoder(&b).Encode(o); err != nil {
		return nil, fmt.Errorf("encode entry %s: %w", e.ID, err)
	}
	return b.Bytes(), nil
}

// Write validates e (Parse of its encoding) and writes it to dir/ID.toml,
// through a temporary file renamed into place, so that no half-written
// entry is ever read. It returns the path, ErrExists when the id is taken,
// the validation problems as an *Error, or the file system's error.
func Write(dir string, e census.Entry) (string, error) {
	data, err := Encode(e)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, e.ID+".toml")
	if _, errs := Parse(path, data); len(errs) > 0 {
		return "", errs[0]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("overlay %s: %w", dir, err)
	}
	existing, _, err := Load(dir)
	if err != nil {
		return "", err
	}
	known := map[string]string{}
	for _, x := range existing.Entries {
		if x.ID == e.ID {
			return "", fmt.Errorf("%s: %w (%s)", e.ID, ErrExists, x.File)
		}
		for _, k := range entryKeys(x) {
			known[k] = x.File
		}
	}
	if other, name := Duplicates(e, known); other != "" {
		return "", &DuplicateError{Entry: e.ID, Other: other, Name: name}
	}
	if _, err := os.Stat(path); err == nil {
		return "", fmt.Errorf("%s: %w (%s)", e.ID, ErrExists, path)
	}
	tmp, err := os.CreateTemp(dir, ".entry-*.tmp")
	if err != nil {
		return "", fmt.Errorf("overlay %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return path, nil
}

// Retire moves the entry with id into dir/retired/, where Load no longer
// reads it but git keeps its history. It returns the new path, or
// ErrNoEntry.
func Retire(dir, id string) (string, error) {
	ov, _, err := Load(dir)
	if err != nil {
		return "", err
	}
	for _, e := range ov.Entries {
		if e.ID != id {
			continue
		}
		to := filepath.Join(dir, RetiredDir, filepath.Base(e.File))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return "", fmt.Errorf("retire %s: %w", id, err)
		}
		if err := os.Rename(e.File, to); err != nil {
			return "", fmt.Errorf("retire %s: %w", id, err)
		}
		return to, nil
	}
	return "", fmt.Errorf("%s: %w", id, ErrNoEntry)
}
