package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// ParamError is a bad query parameter: the API answers 400 with it, in
// English; the pages say it in their language.
type ParamError struct {
	Param   string `json:"param"`
	Message string `json:"message"`
	key     string // the message's i18n key
	args    []any
}

// Error names the parameter and what is wrong with it.
func (e *ParamError) Error() string { return e.Param + ": " + e.Message }

// In says the error in l.
func (e *ParamError) In(l i18n.Lang) string {
	if e.key == "" {
		return e.Error()
	}
	return e.Param + ": " + l.T(e.key, e.args...)
}

// bad is the error of a bad parameter, its message the i18n key's.
func bad(param, key string, args ...any) error {
	return &ParamError{Param: param, Message: i18n.EN.T(key, args...), key: key, args: args}
}

// allowed lists the query parameters of each endpoint; any other is a 400.
var allowed = map[string][]string{
	"census": {"snapshot", "as-of", "subset", "from", "to", "attribution", "country-by", "org-level", "min-compute", "top", "lang", "format"},
	"models": {"snapshot", "as-of", "subset", "q", "country", "org", "domain", "access", "multimodal", "year-from", "year-to",
		"min-compute", "max-compute", "sort", "order", "page", "page-size", "lang", "format", "in-census", "from", "to"},
	"model":     {"snapshot", "as-of", "subset", "lang"},
	"snapshots": {"lang"},
	"estimate":  append(append([]string(nil), census.EstimateParams...), "lang"),
	"diff":      {"a", "b", "subset", "from", "to", "attribution", "country-by", "org-level", "min-compute", "top", "lang"},
}

func checkParams(q url.Values, endpoint string) error {
	for k := range q {
		ok := false
		for _, a := range allowed[endpoint] {
			ok = ok || a == k
		}
		if !ok {
			return bad(k, "param.unknown", strings.Join(allowed[endpoint], ", "))
		}
		if len(q[k]) > 1 && k != "filter" { // filters are ANDed
			return bad(k, "param.twice", len(q[k]))
		}
	}
	return nil
}

func intParam(q url.Values, name string, lo, hi int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		return 0, bad(name, "param.whole", lo, hi, s)
	}
	return v, nil
}

func floatParam(q url.Values, name string) (float64, error) {
	s := q.Get(name)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, bad(name, "param.flop", s)
	}
	return v, nil
}

func choice(q url.Values, name string, choices ...string) (string, error) {
	s := q.Get(name)
	if s == "" {
		return "", nil
	}
	for _, c := range choices {
		if s == c {
			return s, nil
		}
	}
	return "", bad(name, "param.choice", strings.Join(choices, ", "), s)
}

// censusOptions reads the census options, named as report's flags,
// with census's one parser (census.ParseOptions).
func censusOptions(q url.Values) (census.Options, error) {
	o, err := census.ParseOptions(census.OptionValues{From: q.Get("from"), To: q.Get("to"), Attribution: q.Get("attribution"),
		CountryBy: q.Get("country-by"), OrgLevel: q.Get("org-level"), MinCompute: q.Get("min-compute"), Top: q.Get("top"), MaxTop: 100})
	return o, optionParamError(err)
}

// optionParamError is a census option's error as the parameter's error.
func optionParamError(err error) error {
	var oe *census.OptionError
	if !errors.As(err, &oe) {
		return err
	}
	switch oe.Code {
	case census.OptionChoice:
		return bad(oe.Option, "param.choice", strings.Join(oe.Choices, ", "), oe.Value)
	case census.OptionYear:
		return bad(oe.Option, "param.whole", census.YearMin, census.YearMax, oe.Value)
	case census.OptionPeriod:
		return bad("from", "param.from_after_to", oe.Args...)
	case census.OptionFLOP:
		return bad(oe.Option, "param.flop", oe.Value)
	}
	return bad(oe.Option, "param.whole", append(oe.Args, oe.Value)...)
}

// snapshotParam resolves snapshot= or as-of= to a snapshot id (0: latest).
func (s *Server) snapshotParam(ctx context.Context, q url.Values) (int64, error) {
	id, asOf := q.Get("snapshot"), q.Get("as-of")
	if id != "" && asOf != "" {
		return 0, bad("as-of", "param.snapshot_or_asof")
	}
	if id != "" {
		v, err := strconv.ParseInt(id, 10, 64)
		if err != nil || v < 0 {
			return 0, bad("snapshot", "param.snapshot_id", id)
		}
		return v, nil
	}
	if asOf != "" {
		d, err := time.Parse("2006-01-02", asOf)
		if err != nil {
			return 0, bad("as-of", "param.date", asOf)
		}
		if s.cat.Store == nil {
			return 0, nil
		}
		snap, err := snapshots.Pick(ctx, s.cat.Store, d, q.Get("subset"))
		if err != nil {
			return 0, err
		}
		return snap.ID, nil
	}
	return 0, nil
}

func subsetParam(q url.Values) (string, error) {
	return choice(q, "subset", epoch.SubsetLargeScale, epoch.SubsetNotable, epoch.SubsetFrontier, epoch.SubsetAll)
}

// Census computes the census that /api/v1/census returns.
func (s *Server) Census(ctx context.Context, q url.Values) (*census.Result, *census.Dataset, error) {
	opt, err := censusOptions(q)
	if err != nil {
		return nil, nil, err
	}
	ds, _, err := s.datasetParam(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	r, err := census.Compute(ds, opt)
	return r, ds, err
}

func (s *Server) apiCensus(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := checkParams(q, "census"); err != nil {
		s.fail(w, r, err)
		return
	}
	name := q.Get("format")
	if name == "" || name == publish.FormatJSON {
		s.cachedJSON(w, r, "census", func(q url.Values) (any, error) {
			res, _, err := s.Census(r.Context(), q)
			return res, err
		})
		return
	}
	// Any other report format of the registry that the commands use.
	var f *publish.Format
	if s.formats != nil {
		f, _ = s.formats.Lookup(name)
	}
	if f == nil || f.Report == nil {
		choices := []string{publish.FormatJSON}
		if s.formats != nil {
			choices = s.formats.Reports()
		}
		s.fail(w, r, bad("format", "param.format", name, strings.Join(choices, ", ")))
		return
	}
	lang, err := choice(q, "lang", "en", "ko")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f.Binary || f.Models {
		w.Header().Set("Content-Disposition", `attachment; filename="modelcensus-census.`+f.Ext+`"`)
	}
	s.cachedBytes(w, r, "census", f.MIME, func(q url.Values) ([]byte, error) {
		q.Del("format")
		q.Del("lang")
		res, ds, err := s.Census(r.Context(), q)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		l := i18n.EN
		if lang == "ko" {
			l = i18n.KO
		}
		err = f.Report(r.Context(), &b, publish.NewDocument(res, ds, nil), publish.Options{Lang: l, Version: s.version, Formats: s.formats})
		return b.Bytes(), err
	})
}

// fileName is a file as the API names it: its name (and a zip's member),
// never the server's folders.
func fileName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// ModelJSON is a model as the API gives it.
type ModelJSON struct {
	Name          string            `json:"name"`
	Date          string            `json:"date"`
	Year          int               `json:"year"`
	Organizations []string          `json:"organizations"`
	Groups        []string          `json:"groups"`
	Countries     []string          `json:"countries"`
	CountryFilled bool              `json:"country_filled"`
	Domains       []string          `json:"domains"`
	DomainGroups  []string          `json:"domain_groups"`
	Multimodal    bool              `json:"multimodal"`
	FLOP          *float64          `json:"flop"`
	Confidence    string            `json:"confidence"`
	Access        string            `json:"access"`
	InCensus      bool              `json:"in_census"`
	File          string            `json:"file"`
	Line          int               `json:"line"`
	Raw           map[string]string `json:"raw,omitempty"`
	Snapshots     []SnapshotSeen    `json:"snapshots,omitempty"`
	// Estimate is modelcensus's estimate from the row's own cells, beside
	// Epoch's figure (census.EstimateRow).
	Estimate *census.RowEstimate `json:"estimate,omitempty"`
	// Curated names the overlay entries that added or corrected the
	// model, with their sources (census.Model.Curated).
	Curated *census.Curated `json:"curated,omitempty"`
	// Estimated and Method mark a compute that modelcensus estimated
	// (--estimate-missing, or an overlay's added model).
	Estimated bool   `json:"estimated,omitempty"`
	Method    string `json:"method,omitempty"`
}

// estimateModel estimates a model from its raw cells; base gives a base
// model's compute (FLOP, 0 when unknown).
func (s *Server) estimateModel(cells map[census.Field]string, file string, line int, base func(string) float64) *census.RowEstimate {
	var row census.Raw
	for f, v := range cells {
		row.Set(f, v)
	}
	row.File, row.Line = fileName(file), line
	e := census.EstimateRow(&row, s.cat.Rules, base)
	return &e
}

// computeByName maps each model of ds with compute, by lower-cased name,
// to its FLOP: the base-model lookup of estimateModel.
func computeByName(ds *census.Dataset) func(string) float64 {
	m := map[string]float64{}
	for i := 0; i < ds.Len(); i++ {
		if b := ds.Model(i); b.HasCompute {
			k := strings.ToLower(b.Name)
			if _, ok := m[k]; !ok {
				m[k] = b.Compute
			}
		}
	}
	return func(name string) float64 { return m[strings.ToLower(census.Clean(name))] }
}

// SnapshotSeen is a stored snapshot a model appears in, with the name it
// has there (a renamed model is followed by its link) and its values
// there, as written.
type SnapshotSeen struct {
	ID   int64  `json:"id"`
	Date string `json:"date"`
	// Name is the model's name in that snapshot.
	Name         string `json:"name"`
	File         string `json:"file"`
	Published    string `json:"publication_date"`
	Compute      string `json:"training_compute"`
	Country      string `json:"country"`
	Organization string `json:"organization"`
}

func modelJSON(m census.Model, raw map[census.Field]string, res *census.Result) ModelJSON {
	j := ModelJSON{
		Name: m.Name, Date: m.Date.String(), Year: m.Date.Year, Organizations: nonNil(m.Organizations()), Groups: nonNil(m.Groups()),
		Countries: nonNil(m.Countries), CountryFilled: m.CountryFilled, Domains: nonNil(m.Domains()), DomainGroups: nonNil(m.DomainGroups()),
		Multimodal: m.Multimodal(), Confidence: m.Confidence, Access: m.Access, File: fileName(m.File), Line: m.Line,
		Curated: m.Curated, Estimated: m.Estimated, Method: m.Method,
	}
	if m.HasCompute {
		f := m.Compute
		j.FLOP = &f
	}
	if res != nil {
		j.InCensus = m.Date.Year >= res.Period.From && m.Date.Year <= res.Period.To &&
			(res.Settings.MinCompute == 0 || (m.HasCompute && m.Compute >= res.Settings.MinCompute))
	}
	if raw != nil {
		j.Raw = map[string]string{}
		for f, v := range raw {
			j.Raw[string(f)] = v
		}
	}
	return j
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ModelPage is a page of models, as /api/v1/models returns it.
type ModelPage struct {
	Total    int         `json:"total"`
	Page     int         `json:"page"`
	PageSize int         `json:"page_size"`
	Models   []ModelJSON `json:"models"`
}

// MaxPageSize caps page-size.
const MaxPageSize = 500

// Models filters, sorts and pages the models of a snapshot: it reads the
// query into a census.ModelFilter, and census.FindModels applies it.
func (s *Server) Models(ctx context.Context, q url.Values) (*ModelPage, *census.Result, error) {
	res, ds, err := s.Census(ctx, url.Values{"snapshot": q["snapshot"], "as-of": q["as-of"], "subset": q["subset"], "from": q["from"], "to": q["to"]})
	if err != nil {
		return nil, nil, err
	}
	f, page, size, err := s.modelFilter(q)
	if err != nil {
		return nil, nil, err
	}
	f.Period = res.Period
	models, total := census.FindModels(ds, f)
	if pages := (total + size - 1) / size; page > max(pages, 1) {
		return nil, nil, bad("page", "param.page", page, max(pages, 1))
	}
	p := &ModelPage{Total: total, Page: page, PageSize: size, Models: make([]ModelJSON, 0, len(models))}
	for _, m := range models {
		p.Models = append(p.Models, modelJSON(m, nil, res))
	}
	return p, res, nil
}

// modelFilter reads the model list's query (all but the snapshot and the
// census period) into a filter, with its page (from 1) and page size.
func (s *Server) modelFilter(q url.Values) (f census.ModelFilter, page, size int, err error) {
	if page, err = intParam(q, "page", 1, 1<<20); err != nil {
		return f, 0, 0, err
	}
	page = max(page, 1)
	if size, err = intParam(q, "page-size", 1, MaxPageSize); err != nil {
		return f, 0, 0, err
	}
	if size == 0 {
		size = 50
	}
	f.Offset, f.Limit = (page-1)*size, size
	if f.YearFrom, err = intParam(q, "year-from", 1900, 2200); err != nil {
		return f, 0, 0, err
	}
	if f.YearTo, err = intParam(q, "year-to", 1900, 2200); err != nil {
		return f, 0, 0, err
	}
	if f.MinCompute, err = floatParam(q, "min-compute"); err != nil {
		return f, 0, 0, err
	}
	if f.MaxCompute, err = floatParam(q, "max-compute"); err != nil {
		return f, 0, 0, err
	}
	sortBy, err := choice(q, "sort", string(census.SortName), string(census.SortDate), string(census.SortCompute))
	if err != nil {
		return f, 0, 0, err
	}
	f.Sort = census.ModelSort(sortBy)
	order, err := choice(q, "order", "asc", "desc")
	if err != nil {
		return f, 0, 0, err
	}
	f.Descending = order == "desc" || order == "" && census.DefaultDescending(f.Sort)
	if f.Access, err = choice(q, "access", census.AccessOpenWeights, census.AccessAPI, census.AccessHosted, census.AccessUnreleased, census.AccessUnknown); err != nil {
		return f, 0, 0, err
	}
	for _, b := range []struct {
		name string
		dst  **bool
	}{{"multimodal", &f.Multimodal}, {"in-census", &f.InCensus}} {
		v, err := choice(q, b.name, "true", "false")
		if err != nil {
			return f, 0, 0, err
		}
		if v != "" {
			t := v == "true"
			*b.dst = &t
		}
	}
	if !utf8.ValidString(q.Get("q")) {
		return f, 0, 0, bad("q", "param.utf8")
	}
	if f.Text = strings.TrimSpace(q.Get("q")); len(strings.ToLower(f.Text)) > 200 {
		return f, 0, 0, bad("q", "param.too_long_q")
	}
	f.Country, f.Org, f.Domain = q.Get("country"), q.Get("org"), q.Get("domain")
	if f.Country != "" {
		if _, ok := s.cat.Rules.CountryByCode(strings.ToUpper(f.Country)); !ok {
			return f, 0, 0, bad("country", "param.country", f.Country)
		}
	}
	return f, page, size, nil
}

func (s *Server) apiModels(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := checkParams(q, "models"); err != nil {
		s.fail(w, r, err)
		return
	}
	format, err := choice(q, "format", "json", "csv", "xlsx")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if format != "" {
		// A download: the whole selection, in every format.
		s.download(w, r, format)
		return
	}
	s.cachedJSON(w, r, "models", func(q url.Values) (any, error) {
		p, _, err := s.Models(r.Context(), q)
		return p, err
	})
}

// datasetParam reads the snapshot (snapshot, as-of) and subset a query
// names and returns that dataset, from the catalogue's cache.
func (s *Server) datasetParam(ctx context.Context, q url.Values) (*census.Dataset, *publish.RawCollector, error) {
	id, err := s.snapshotParam(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	subset, err := subsetParam(q)
	if err != nil {
		return nil, nil, err
	}
	return s.cat.Dataset(ctx, id, subset)
}

// Model finds one model by name in a snapshot, with its raw cells and, from
// a store, the snapshots it appears in.
func (s *Server) Model(ctx context.Context, name string, q url.Values) (*ModelJSON, error) {
	ds, raw, err := s.datasetParam(ctx, q)
	if err != nil {
		return nil, err
	}
	x, err := s.modelIndexOf(ctx, ds)
	if err != nil {
		return nil, err
	}
	i, ok := x.byName[name]
	if !ok {
		return nil, errModelNotFound
	}
	m := ds.Model(i)
	cells := raw.Row(name)
	j := modelJSON(m, cells, x.res)
	if cells != nil {
		j.Estimate = s.estimateModel(cells, m.File, m.Line, x.base())
	}
	if s.cat.Store != nil {
		seen, err := s.seenInCached(ctx, name, cells[census.FieldLink])
		if err != nil {
			return nil, err
		}
		j.Snapshots = seen
	}
	return &j, nil
}

var errModelNotFound = errors.New("no such model")

// seenFields are the columns seenIn reads of a model's rows.
var seenFields = []census.Field{census.FieldName, census.FieldLink, census.FieldDate, census.FieldCompute, census.FieldCountry, census.FieldOrganization}

// seenIn lists the stored snapshots holding the model, under each of its
// names: its own, and those of the rows that share its link. A file's
// row counts once per snapshot.
func (s *Server) seenIn(ctx context.Context, name, link string) ([]SnapshotSeen, error) {
	rows, err := snapshots.ModelRowsOf(ctx, s.cat.Store, s.cat.Rules, []string{name}, strings.TrimSpace(link), seenFields, s.cat.rows.get)
	if err != nil {
		return nil, err
	}
	out := []SnapshotSeen{}
	seen := map[string]bool{}
	for _, r := range rows {
		cell := map[census.Field]string{}
		for i, h := range r.Header {
			if f, ok := s.cat.Rules.Column(h); ok && i < len(r.Cells) {
				cell[f] = census.Clean(r.Cells[i])
			}
		}
		// A link cell elsewhere in the row (a reference, a note) is no match.
		if census.Clean(r.Name) != name && strings.TrimSpace(cell[census.FieldLink]) != strings.TrimSpace(link) {
			continue
		}
		key := strconv.FormatInt(r.SnapshotID, 10) + "\x00" + r.File
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, SnapshotSeen{ID: r.SnapshotID, Date: r.Date.Format("2006-01-02"), Name: census.Clean(r.Name), File: census.FileName(r.File),
			Published: cell[census.FieldDate], Compute: cell[census.FieldCompute], Country: cell[census.FieldCountry], Organization: cell[census.FieldOrganization]})
	}
	return out, nil
}

func (s *Server) apiModel(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := checkParams(q, "model"); err != nil {
		s.fail(w, r, err)
		return
	}
	s.cachedJSON(w, r, "model", func(q url.Values) (any, error) {
		return s.Model(r.Context(), r.PathValue("name"), q)
	})
}

// SnapshotJSON is a snapshot as /api/v1/snapshots lists it.
type SnapshotJSON struct {
	ID     int64             `json:"id"`
	Date   string            `json:"date"`
	Source string            `json:"source"`
	Files  []census.FileInfo `json:"files"`
	Rows   int               `json:"rows"`
}

func (s *Server) apiSnapshots(w http.ResponseWriter, r *http.Request) {
	if err := checkParams(r.URL.Query(), "snapshots"); err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.cat.Snapshots(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := []SnapshotJSON{}
	for _, sn := range list {
		files := make([]census.FileInfo, len(sn.Files))
		for i, f := range sn.Files {
			f.Name, f.Dialect = publish.DisplayName(f.Name), census.Dialect{} // as a store keeps it
			files[i] = f
		}
		out = append(out, SnapshotJSON{ID: sn.ID, Date: sn.DateString(), Source: publish.DisplayName(sn.Source), Files: files, Rows: sn.Rows})
	}
	s.sendJSON(w, r, out)
}

func (s *Server) apiDiff(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := checkParams(q, "diff"); err != nil {
		s.fail(w, r, err)
		return
	}
	release, err := s.admit(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.Diff(r.Context(), q)
	b := buffers.Get().(*bytes.Buffer)
	defer putBuffer(b)
	b.Reset()
	if err == nil {
		err = s.diffBody(r.Context(), b, d)
	}
	release()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	s.send(w, r, b.Bytes(), "")
}

// diffParts are a diff's model-level lists as JSON, indented as members of
// the diff's object: the same for every census option of a pair.
type diffParts struct {
	added, removed, renamed, changed []byte
}

// maxDiffPairs bounds the pairs of snapshots whose model-level changes are
// kept (as values and as JSON): some tens of kB each for Epoch's exports.
const maxDiffPairs = 128

// diffBody writes d to b as publish.WriteJSONValue writes it, with the
// model-level lists encoded once per pair of snapshots and subset: they are
// most of a diff's bytes, and only the census part depends on the query's
// options.
func (s *Server) diffBody(ctx context.Context, b *bytes.Buffer, d *snapshots.Diff) error {
	if len(d.Explain) > 0 || d.A.ID == 0 || d.B.ID == 0 {
		return publish.WriteJSONValue(b, d)
	}
	key := fmt.Sprintf("diffjson/%d/%d/%s", d.A.ID, d.B.ID, d.Subset)
	v, err := s.diffModels.get(ctx, key, func(context.Context) (any, error) {
		var p diffParts
		for _, x := range []struct {
			dst *[]byte
			v   any
		}{{&p.added, d.Added}, {&p.removed, d.Removed}, {&p.renamed, d.Renamed}, {&p.changed, d.Changed}} {
			var err error
			if *x.dst, err = memberJSON(x.v); err != nil {
				return nil, err
			}
		}
		return &p, nil
	})
	if err != nil {
		return err
	}
	p := v.(*diffParts)
	b.WriteString("{\n")
	for _, m := range []struct {
		name string
		v    any
		raw  []byte
	}{{"a", d.A, nil}, {"b", d.B, nil}, {"subset", d.Subset, nil}, {"added", nil, p.added}, {"removed", nil, p.removed},
		{"renamed", nil, p.renamed}, {"changed", nil, p.changed}, {"census", d.Census, nil}} {
		if m.name != "a" {
			b.WriteString(",\n")
		}
		b.WriteString(`  "` + m.name + `": `)
		if m.raw == nil {
			var err error
			if m.raw, err = memberJSON(m.v); err != nil {
				return err
			}
		}
		b.Write(m.raw)
	}
	b.WriteString("\n}\n")
	return nil
}

// memberJSON is v as publish.WriteJSONValue writes it as a member of a
// top-level object: indented by two spaces a level, from the second.
func memberJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Diff compares the snapshots a= and b=.
func (s *Server) Diff(ctx context.Context, q url.Values) (*snapshots.Diff, error) {
	if s.cat.Store == nil {
		return nil, bad("a", "param.diff_store")
	}
	ids := make([]*census.Snapshot, 2)
	for i, p := range []string{"a", "b"} {
		v, err := strconv.ParseInt(q.Get(p), 10, 64)
		if err != nil || v <= 0 {
			return nil, bad(p, "param.snapshot_id", q.Get(p))
		}
		if ids[i], err = s.storedSnapshot(ctx, v); err != nil {
			return nil, err
		}
	}
	opt, err := censusOptions(q)
	if err != nil {
		return nil, err
	}
	subset, err := subsetParam(q)
	if err != nil {
		return nil, err
	}
	a, b := snapshots.Stored(s.cat.Store, ids[0]), snapshots.Stored(s.cat.Store, ids[1])
	d, err := snapshots.CompareRefs(ctx, s.cat.Rules, a, b, subset, snapshots.CompareOptions{Census: opt, Overlay: s.cat.Overlay, Explain: q.Get("explain") == "true", Memo: s.cat.cache.get,
		Models: s.diffModels.get})
	var sm *snapshots.SubsetMismatch
	var ie *epoch.InputError
	if errors.As(err, &sm) || (errors.As(err, &ie) && ie.Kind == epoch.InputNoSubset) {
		// Name every subset each holds, and those both hold.
		var both []string
		for _, x := range a.Subsets {
			if b.Has(x) {
				both = append(both, x)
			}
		}
		args := []any{a.ID, strings.Join(a.Subsets, ", "), b.ID, strings.Join(b.Subsets, ", ")}
		if len(both) == 0 {
			return nil, bad("subset", "param.no_shared_subset", args...)
		}
		return nil, bad("subset", "param.choose_subset", append(args, strings.Join(both, ", "))...)
	}
	return d, err
}

// storedSnapshot is the store's snapshot id, kept by the store's snapshot
// list (generation): a stored snapshot never changes. Errors are not kept.
func (s *Server) storedSnapshot(ctx context.Context, id int64) (*census.Snapshot, error) {
	gen, err := s.generation(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.snaps.get(ctx, gen+"\x00"+strconv.FormatInt(id, 10), func(ctx context.Context) (any, error) {
		return s.cat.Store.Snapshot(ctx, id)
	})
	if err != nil {
		return nil, err
	}
	return v.(*census.Snapshot), nil
}

// download sends the models of the current selection as CSV or XLSX.
func (s *Server) download(w http.ResponseWriter, r *http.Request, format string) {
	q := r.URL.Query()
	q.Set("page", "1")
	q.Set("page-size", strconv.Itoa(MaxPageSize))
	all := []ModelJSON{}
	var res *census.Result
	for page := 1; ; page++ {
		q.Set("page", strconv.Itoa(page))
		p, rr, err := s.Models(r.Context(), q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		res = rr
		all = append(all, p.Models...)
		if len(all) >= p.Total || len(p.Models) == 0 {
			break
		}
	}
	var b bytes.Buffer
	name := "modelcensus-models." + format
	switch format {
	case "csv":
		writeModelsCSV(&b, all)
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	case "xlsx":
		if err := writeModelsXLSX(&b, all, res, langOf(q)); err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	case "json":
		_ = publish.WriteJSONValue(&b, &ModelPage{Total: len(all), Page: 1, PageSize: len(all), Models: all})
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	s.send(w, r, b.Bytes(), "")
}

// statusOf maps an error to its HTTP status.
func statusOf(err error) int {
	var pe *ParamError
	var ie *epoch.InputError
	var sm *snapshots.SubsetMismatch
	switch {
	case errors.As(err, &pe), errors.As(err, &sm):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrNotFound), errors.Is(err, errModelNotFound), errors.Is(err, errNoRoute), errors.Is(err, errNoSnapshots):
		return http.StatusNotFound
	case errors.As(err, &ie) && ie.Kind == epoch.InputNoSubset:
		return http.StatusBadRequest
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	body := map[string]any{"status": status}
	var pe *ParamError
	var sm *snapshots.SubsetMismatch
	var ie *epoch.InputError
	// Every message in the language the query asks for (?lang=ko).
	l := i18n.EN
	if ql, err := i18n.Parse(r.URL.Query().Get("lang")); err == nil {
		l = ql
	}
	switch {
	case errors.As(err, &pe):
		if pe.key != "" {
			pe = &ParamError{Param: pe.Param, Message: l.T(pe.key, pe.args...)}
		}
		body["error"] = pe
	case errors.As(err, &sm):
		body["error"] = &ParamError{Param: "subset", Message: l.T("err.subset_mismatch_api", sm.A, sm.SubsetA, sm.B, sm.SubsetB)}
	case errors.As(err, &ie) && ie.Kind == epoch.InputNoSubset:
		body["error"] = &ParamError{Param: "subset", Message: l.T("page.no_subset", ie.Subset, strings.Join(ie.Available, ", "))}
	case status == http.StatusInternalServerError:
		s.logf("%s %s: %v", r.Method, r.URL, err)
		body["error"] = map[string]string{"message": l.T("api.internal")}
	case errors.Is(err, errNoRoute):
		body["error"] = map[string]string{"message": l.T("api.no_route", r.Method, r.URL.Path)}
	case errors.Is(err, errMethod):
		body["error"] = map[string]string{"message": l.T("api.method", r.Method)}
	case errors.Is(err, errNoSnapshots):
		body["error"] = map[string]string{"message": l.T("page.no_snapshots")}
	case errors.Is(err, store.ErrNotFound), errors.Is(err, errModelNotFound):
		body["error"] = map[string]string{"message": l.T("api.not_found", r.URL.Path)}
	default:
		body["error"] = map[string]string{"message": l.T("page.error_text", err)}
	}
	b, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

func (s *Server) sendJSON(w http.ResponseWriter, r *http.Request, v any) {
	var b bytes.Buffer
	if err := publish.WriteJSONValue(&b, v); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	s.send(w, r, b.Bytes(), "")
}
