package cli

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// rulesOptions are the flags of `modelcensus rules`.
type rulesOptions struct {
	sourceOptions
	Kind     string
	Unmapped bool
	Format   string
	Output   string
}

func newRulesCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &rulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: l.T("cmd.rules.short"),
		Long: `Show the normalization rules: column aliases, countries, organizations and
their groups, domains and accessibility. With --source, list every raw value
of the source with the rows that hold it and what it maps to, and the values
that no rule maps.

정규화 규칙(열 별칭, 국가, 기관과 그룹, 분야, 공개 방식)을 보여줍니다.
--source를 주면 원본의 모든 값과 그 값이 있는 행 수, 정규화 결과를 나열하고,
규칙에 없는 값을 따로 보여줍니다.`,
		Example: `  modelcensus rules --kind organization
  modelcensus rules --source ai_models.zip --unmapped
  modelcensus rules --source large_scale_ai_models.csv --kind country --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("source") {
				o.Source = ""
			}
			return runRules(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	o.sourceOptions.addReadFlags(fs, l)
	fs.StringVar(&o.Kind, "kind", "", l.T("flag.kind"))
	fs.BoolVar(&o.Unmapped, "unmapped", false, l.T("flag.unmapped"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format.rules"))
	fs.StringVarP(&o.Output, "output", "o", "", l.T("flag.output"))
	return cmd
}

// Mapping is one raw value and what the rules make of it.
type Mapping struct {
	Kind   string `json:"kind"`
	Raw    string `json:"raw"`
	MapsTo string `json:"maps_to"`
	Detail string `json:"detail,omitempty"`
	Rows   int    `json:"rows,omitempty"`
	Mapped bool   `json:"mapped"`
}

var ruleKinds = []string{census.KindColumn, census.KindCountry, census.KindOrganization, census.KindDomain, census.KindAccessibility, census.KindHardware}

func runRules(cmd *cobra.Command, io *IOStreams, o *rulesOptions) error {
	l, err := o.start(io)
	if err != nil {
		return err
	}
	if o.Unmapped && o.Source == "" {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.unmapped_source"))}
	}
	if o.Kind != "" && !contains(ruleKinds, o.Kind) {
		return badValue(l, "--kind", o.Kind, strings.Join(ruleKinds, ", "))
	}
	switch o.Format {
	case "text", "json", "csv":
	default:
		return badValue(l, "--format", o.Format, "text, json, csv")
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	var maps []Mapping
	title := ""
	if o.Source == "" {
		maps = tableMappings(r, l)
		origin := l.T("rules.embedded")
		if o.RulesDir != "" {
			origin = o.RulesDir
		}
		title = l.T("rules.version", r.Version, origin)
	} else {
		maps, err = sourceMappings(cmd, io, l, r, &o.sourceOptions)
		if err != nil {
			return err
		}
		title = l.T("rules.h.source", o.Source)
	}
	var keep []Mapping
	for _, m := range maps {
		if (o.Kind == "" || m.Kind == o.Kind) && (!o.Unmapped || !m.Mapped) {
			keep = append(keep, m)
		}
	}
	var buf bytes.Buffer
	switch o.Format {
	case "json":
		if keep == nil {
			keep = []Mapping{}
		}
		_ = publish.WriteJSONValue(&buf, keep)
	case "csv":
		w := publish.NewCSVWriter(&buf)
		_ = w.Write([]string{"kind", "raw", "maps_to", "detail", "rows", "mapped"})
		for _, m := range keep {
			_ = w.Write([]string{m.Kind, m.Raw, m.MapsTo, m.Detail, strconv.Itoa(m.Rows), strconv.FormatBool(m.Mapped)})
		}
		w.Flush()
	default:
		writeRulesText(&buf, l, title, keep, o.Source != "", o.Unmapped)
	}
	if err := writeOutput(io.Out, o.Output, buf.Bytes()); err != nil {
		return outputError(l, err)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// tableMappings lists the rule tables themselves, with details in l: a
// country's or domain's Korean name in Korean, an organization's home
// country and sector.
func tableMappings(r *census.Rules, l i18n.Lang) []Mapping {
	ko := func(name string) string {
		if l == i18n.KO {
			return name
		}
		return ""
	}
	var out []Mapping
	for _, f := range census.Fields {
		for _, a := range r.ColumnAliases(f) {
			out = append(out, Mapping{Kind: census.KindColumn, Raw: a, MapsTo: string(f), Mapped: true})
		}
	}
	for _, c := range r.Countries {
		out = append(out, Mapping{Kind: census.KindCountry, Raw: c.Name, MapsTo: c.Code, Detail: ko(c.NameKo), Mapped: true})
	}
	for _, o := range r.Organizations {
		sector := o.Sector
		if i18n.Has("sector." + sector) {
			sector = l.T("sector." + sector)
		}
		out = append(out, Mapping{Kind: census.KindOrganization, Raw: o.Name, MapsTo: o.Group, Detail: strings.TrimSpace(o.Country + " " + sector), Mapped: true})
	}
	for _, d := range r.Domains {
		out = append(out, Mapping{Kind: census.KindDomain, Raw: d.Name, MapsTo: d.Group, Detail: ko(d.NameKo), Mapped: true})
	}
	for _, c := range r.Hardware {
		m := Mapping{Kind: census.KindHardware, Raw: c.Name, Detail: c.Type, Mapped: true}
		if peak, precision, ok := c.Peak(); ok {
			m.MapsTo = publish.FormatFLOP(peak) + " FLOP/s (" + precision + ")"
		}
		out = append(out, m)
	}
	acc := r.AccessTable()
	keys := make([]string, 0, len(acc))
	for k := range acc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, Mapping{Kind: census.KindAccessibility, Raw: k, MapsTo: acc[k], Mapped: true})
	}
	return out
}

// sourceMappings reads a source and maps every raw value in it.
func sourceMappings(cmd *cobra.Command, io *IOStreams, l i18n.Lang, r *census.Rules, o *sourceOptions) ([]Mapping, error) {
	opt := o.openOptions(io)
	opt.Fetch.Progress = nil
	src, err := epoch.Open(cmd.Context(), o.Source, opt)
	if err != nil {
		return nil, translate(l, err)
	}
	defer src.Close()
	files, _, err := src.Select(o.Subset)
	if err != nil {
		return nil, translate(l, err)
	}
	counts := map[string]map[string]int{}
	add := func(kind, v string) {
		if counts[kind] == nil {
			counts[kind] = map[string]int{}
		}
		counts[kind][v]++
	}
	ds := census.NewDataset(r)
	for _, f := range files {
		rd := &epoch.Reader{Rules: r, Encoding: o.Encoding, DateFormat: o.DateFormat}
		res, err := rd.Read(f.Name, epoch.WithContext(cmd.Context(), f.Open), ds, func(raw *census.Raw) {
			for _, v := range census.SplitOrganizations(raw.Get(census.FieldOrganization)) {
				add(census.KindOrganization, v)
			}
			for _, v := range census.SplitList(raw.Get(census.FieldCountry)) {
				add(census.KindCountry, v)
			}
			for _, v := range census.SplitList(raw.Get(census.FieldDomain)) {
				add(census.KindDomain, v)
			}
			if v := census.Clean(raw.Get(census.FieldAccessibility)); v != "" {
				add(census.KindAccessibility, v)
			}
			for _, v := range census.SplitList(raw.Get(census.FieldHardware)) {
				add(census.KindHardware, v)
			}
		})
		if err != nil {
			return nil, translate(l, err)
		}
		for _, h := range res.Header {
			if fld, ok := r.Column(h); ok {
				add(census.KindColumn+"\x00"+string(fld), h)
			} else {
				add(census.KindColumn+"\x00", h)
			}
		}
	}
	var out []Mapping
	for key, m := range counts {
		for raw, n := range m {
			mp := Mapping{Raw: raw, Rows: n}
			switch {
			case strings.HasPrefix(key, census.KindColumn+"\x00"):
				mp.Kind, mp.Rows = census.KindColumn, 0
				mp.MapsTo = strings.TrimPrefix(key, census.KindColumn+"\x00")
				// Columns modelcensus does not use are not "unmapped":
				// only the fields it reads need a rule.
				mp.Mapped = true
				if mp.MapsTo == "" {
					mp.MapsTo = "-"
				}
			case key == census.KindOrganization:
				mp.Kind = key
				if org, ok := r.Organization(raw); ok {
					mp.MapsTo, mp.Detail, mp.Mapped = org.Name, org.Group+" "+org.Country, true
				}
			case key == census.KindCountry:
				mp.Kind = key
				if c, ok := r.Country(raw); ok {
					mp.MapsTo, mp.Detail, mp.Mapped = c.Code, c.Name, true
				}
			case key == census.KindDomain:
				mp.Kind = key
				if d, ok := r.Domain(raw); ok {
					mp.MapsTo, mp.Mapped = d.Group, true
					if d.Group == "" {
						mp.MapsTo = "(multimodal flag)"
					}
				}
			case key == census.KindAccessibility:
				mp.Kind = key
				if c, ok := r.Access(raw); ok {
					mp.MapsTo, mp.Mapped = c, true
				}
			case key == census.KindHardware:
				mp.Kind = key
				if c, ok := r.HardwareChip(raw); ok {
					mp.MapsTo, mp.Mapped = c.Name, true
					if peak, prec, ok := c.Peak(); ok {
						mp.Detail = fmt.Sprintf("%.4g FLOP/s %s", peak, prec)
					}
				}
			}
			out = append(out, mp)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Kind != b.Kind {
			return kindOrder(a.Kind) < kindOrder(b.Kind)
		}
		if ua, ub := a.MapsTo == "-", b.MapsTo == "-"; ua != ub {
			return ub // columns the census reads first
		}
		if a.Rows != b.Rows {
			return a.Rows > b.Rows
		}
		return a.Raw < b.Raw
	})
	return out, nil
}

func kindOrder(k string) int {
	for i, v := range ruleKinds {
		if v == k {
			return i
		}
	}
	return len(ruleKinds)
}

func writeRulesText(buf *bytes.Buffer, l i18n.Lang, title string, maps []Mapping, withRows, unmappedOnly bool) {
	buf.WriteString(title + "\n")
	if unmappedOnly && len(maps) == 0 {
		buf.WriteString("\n" + l.T("rules.unmapped.none") + "\n")
		return
	}
	for _, kind := range ruleKinds {
		details := false // a Details column only where a row has one
		for _, m := range maps {
			details = details || (m.Kind == kind && m.Detail != "")
		}
		t := publish.Table{Title: l.T("kind." + kind), Headers: []string{l.T("col.raw"), l.T("col.maps_to")}, Right: []bool{false, false}}
		if details {
			t.Headers = append(t.Headers, l.T("col.detail"))
			t.Right = append(t.Right, false)
		}
		withCount := withRows && kind != census.KindColumn
		if withCount {
			t.Headers = append(t.Headers, l.T("col.rows"))
			t.Right = append(t.Right, true)
		}
		unmapped := 0
		for _, m := range maps {
			if m.Kind != kind {
				continue
			}
			to := m.MapsTo
			if !m.Mapped {
				to = l.T("unmapped.tag")
				unmapped++
			}
			row := []string{m.Raw, to}
			if details {
				row = append(row, m.Detail)
			}
			if withCount {
				row = append(row, strconv.Itoa(m.Rows))
			}
			t.Rows = append(t.Rows, row)
		}
		if len(t.Rows) == 0 {
			continue
		}
		buf.WriteString("\n")
		if withRows && unmapped > 0 {
			buf.WriteString(l.T("rules.unmapped", l.T("kind."+kind), unmapped) + "\n")
		}
		publish.WriteTable(buf, t, l)
	}
}
