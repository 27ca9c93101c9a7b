package rules

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/modelcensus/modelcensus/census"
)

//go:embed data/*.csv
var embedded embed.FS

// Files are the table files, in load order.
var Files = []string{
	"columns.csv", "countries.csv", "groups.csv", "organizations.csv",
	"domain_groups.csv", "domains.csv", "accessibility.csv", "hardware.csv",
	"regions.csv", "head_offices.csv", "sectors.csv",
	"thresholds.csv",
}

// Default returns the embedded rules.
func Default() (*census.Rules, error) { return Load("") }

// Embedded returns the embedded text of one table file.
func Embedded(name string) ([]byte, error) {
	return embedded.ReadFile("data/" + name)
}

// embeddedRules are the embedded tables, parsed once per process: they
// cannot change while it runs. Load hands out copies.
var embeddedRules struct {
	once  sync.Once
	rules *census.Rules
	err   error
}

// Load returns the embedded rules with every table file found in dir
// replacing its embedded twin. An empty dir means the embedded rules only,
// which are parsed once per process; each call returns a copy of its own.
// Errors name the table file and line.
func Load(dir string) (*census.Rules, error) {
	if dir == "" {
		e := &embeddedRules
		e.once.Do(func() { e.rules, e.err = load("") })
		if e.err != nil {
			return nil, e.err
		}
		return e.rules.Clone(), nil
	}
	return load(dir)
}

// load reads every table (dir's where it has it) and sets r.Version from
// their content, reading each table once.
func load(dir string) (*census.Rules, error) {
	if dir != "" {
		if err := checkDir(dir); err != nil {
			return nil, err
		}
	}
	r := census.NewRules()
	h := sha256.New()
	for _, name := range Files {
		data, origin, err := read(dir, name)
		if err != nil {
			return nil, err
		}
		h.Write([]byte(name))
		h.Write(data)
		if err := each(data, origin, func(rw row) error { return apply(r, name, rw) }); err != nil {
			return nil, err
		}
	}
	// The embedded tables are checked by the tests; a folder of the user's
	// is checked here.
	if dir != "" {
		if problems := r.Check(); len(problems) > 0 {
			const shown = 5
			msg := clip(strings.Join(problems[:min(shown, len(problems))], "; "), 1000)
			if len(problems) > shown {
				msg += fmt.Sprintf("; and %d more", len(problems)-shown)
			}
			return nil, fmt.Errorf("rules folder %s: the tables disagree: %s", dir, msg)
		}
	}
	r.Version = hex.EncodeToString(h.Sum(nil))[:12]
	return r, nil
}

// checkDir makes sure a --rules folder exists and holds at least one table,
// so that a mistyped path is not silently ignored.
func checkDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("rules folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("rules folder %s is not a folder", dir)
	}
	for _, name := range Files {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return nil
		}
	}
	return fmt.Errorf("rules folder %s holds none of the tables (%s)", dir, strings.Join(Files, ", "))
}

func read(dir, name string) ([]byte, string, error) {
	if dir != "" {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.Mode().IsRegular() {
			// A FIFO or device: opening it could block for ever.
			return nil, "", fmt.Errorf("%s: not a regular file", p)
		}
		data, err := os.ReadFile(p)
		if err == nil {
			return data, p, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", err
		}
	}
	data, err := Embedded(name)
	if err != nil {
		return nil, "", fmt.Errorf("rules: embedded %s: %w", name, err)
	}
	return data, "rules/data/" + name, nil
}

// row is one record of a table, with its cells found by column name.
type row struct {
	line int
	col  map[string]int // column name → index, shared by a table's rows
	rec  []string
}

func (r row) get(name string) string {
	if i, ok := r.col[name]; ok && i < len(r.rec) {
		return strings.TrimSpace(r.rec[i])
	}
	return ""
}

var wantHeader = map[string][]string{
	"columns.csv":       {"field", "alias"},
	"countries.csv":     {"code", "name", "name_ko", "aliases"},
	"organizations.csv": {"organization", "group", "country", "sector", "aliases"},
	"groups.csv":        {"group", "country", "sector"},
	"domains.csv":       {"domain", "group", "name_ko"},
	"domain_groups.csv": {"group", "name_ko"},
	"accessibility.csv": {"value", "category"},
	"hardware.csv":      {"hardware", "type", "tensor_fp16", "tf32", "fp16", "fp32", "aliases"},
	"regions.csv":       {"region", "name", "name_ko", "members", "source"},
	"head_offices.csv":  {"organization", "country", "city", "source"},
	"sectors.csv":       {"value", "sector", "source"},
	"thresholds.csv":    {"id", "flop", "cumulative", "law", "law_ko", "triggers", "triggers_ko", "source"}, // and source_ko, optional
}

// each parses a table and calls fn for every record.
func each(data []byte, origin string, fn func(row) error) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", origin, err)
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, want := range wantHeader[filepath.Base(origin)] {
		if _, ok := col[want]; !ok {
			return fmt.Errorf("%s: header needs column %q; found %s", origin, want, clip(strings.Join(header, ","), 300))
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", origin, err)
		}
		line, _ := cr.FieldPos(0)
		if err := fn(row{line: line, col: col, rec: rec}); err != nil {
			return fmt.Errorf("%s:%d: %s", origin, line, clip(err.Error(), 300))
		}
	}
}

// clip cuts a message quoting the user's cells to at most n bytes (plus
// an ellipsis) at a character boundary, so that one absurd cell still
// gives one readable line.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

func aliases(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func apply(r *census.Rules, file string, c row) error {
	switch file {
	case "columns.csv":
		return r.AddColumn(census.Field(c.get("field")), c.get("alias"))
	case "countries.csv":
		return r.AddCountry(census.Country{Code: c.get("code"), Name: c.get("name"), NameKo: c.get("name_ko")}, aliases(c.get("aliases"))...)
	case "groups.csv":
		return r.AddGroup(census.Group{Name: c.get("group"), Country: c.get("country"), Sector: c.get("sector")})
	case "organizations.csv":
		return r.AddOrganization(census.Organization{Name: c.get("organization"), Group: c.get("group"), Country: c.get("country"), Sector: c.get("sector")}, aliases(c.get("aliases"))...)
	case "domain_groups.csv":
		r.AddDomainGroup(census.DomainGroup{Name: c.get("group"), NameKo: c.get("name_ko")})
		return nil
	case "domains.csv":
		return r.AddDomain(census.Domain{Name: c.get("domain"), Group: c.get("group"), NameKo: c.get("name_ko")})
	case "accessibility.csv":
		return r.AddAccess(c.get("value"), c.get("category"))
	case "hardware.csv":
		chip := census.Chip{Name: c.get("hardware"), Type: c.get("type")}
		for _, f := range []struct {
			col string
			v   *float64
		}{{"tensor_fp16", &chip.Tensor16}, {"tf32", &chip.TF32}, {"fp16", &chip.FP16}, {"fp32", &chip.FP32}} {
			if cell := c.get(f.col); cell != "" {
				v, err := strconv.ParseFloat(cell, 64)
				if err != nil || v < 0 {
					return fmt.Errorf("%s %q is not a number of FLOP/s", f.col, cell)
				}
				*f.v = v
			}
		}
		return r.AddHardware(chip, aliases(c.get("aliases"))...)
	case "regions.csv":
		return r.AddRegion(census.Region{ID: c.get("region"), Name: c.get("name"), NameKo: c.get("name_ko"),
			Members: aliases(c.get("members")), Source: c.get("source")})
	case "head_offices.csv":
		return r.AddHeadOffice(census.HeadOffice{Organization: c.get("organization"), Country: c.get("country"),
			City: c.get("city"), Source: c.get("source")})
	case "sectors.csv":
		if c.get("source") == "" {
			return fmt.Errorf("sector of %q needs a source", c.get("value"))
		}
		return r.AddSector(c.get("value"), c.get("sector"))
	case "thresholds.csv":
		return addThreshold(r, c)
	}
	return fmt.Errorf("unknown rules file %s", file)
}

// addThreshold reads one row of thresholds.csv.
func addThreshold(r *census.Rules, c row) error {
	cell := c.get("flop")
	v, err := strconv.ParseFloat(cell, 64)
	if err != nil || v <= 0 || math.IsInf(v, 0) {
		return fmt.Errorf("flop %q is not a positive number of FLOP", cell)
	}
	t := census.Threshold{ID: c.get("id"), FLOP: v,
		Law: c.get("law"), LawKo: c.get("law_ko"), Triggers: c.get("triggers"), TriggersKo: c.get("triggers_ko"), Source: c.get("source"), SourceKo: c.get("source_ko")}
	switch strings.ToLower(c.get("cumulative")) {
	case "yes", "true", "1":
		t.Cumulative = true
	case "no", "false", "0", "":
	default:
		return fmt.Errorf("cumulative %q: want yes or no", c.get("cumulative"))
	}
	return r.AddThreshold(t)
}
