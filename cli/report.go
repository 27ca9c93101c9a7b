package cli

import (
	"bytes"
	"context"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/snapshots"
)

// reportOptions are the flags of `modelcensus report`.
type reportOptions struct {
	sourceOptions
	dbOptions
	Snapshot    string
	AsOf        string
	From, To    int
	Attribution string
	CountryBy   string
	OrgLevel    string
	MinCompute  string
	Top         int
	Format      string
	Output      string
	// Recipe is --recipe: a recipe's name or file (recipe.go).
	Recipe string
	// WithThresholds is report's --thresholds: a Thresholds section in
	// the brief and the workbook (addThresholds).
	WithThresholds bool
}

func newReportCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: l.T("cmd.report.short"),
		Long: `Print the census of a snapshot: models per year and their compound annual
growth, countries over the period and for the latest year, organizations and
domain groups, multimodal models per year and the latest year's largest
training runs, with the source and data-quality notes.

스냅숏의 현황 통계를 출력합니다: 연도별 모델 수와 연평균 증가율, 기간 및 최근
연도의 국가별 수, 기관·분야별 수, 연도별 멀티모달 모델 수, 최근 연도의 학습
연산량 상위 모델, 출처와 데이터 품질 참고사항.`,
		Example: `  modelcensus report
  modelcensus report --source ai_models.zip --lang ko
  modelcensus report --source large_scale_ai_models.csv --from 2020 --to 2024 --format json
  modelcensus report --source ai_models.zip --subset notable --min-compute 1e24 --attribution fractional
  modelcensus report --source all_ai_models.csv --estimate-missing --format html -o brief.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if (o.Snapshot != "" || o.AsOf != "") && cmd.Flags().Changed("source") {
				return &Error{Code: ExitUsage, Msg: o.langOr(io).T("err.usage", o.langOr(io).T("err.snapshot_flags"))}
			}
			return runReport(cmd, io, o)
		},
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	o.sourceOptions.addReadFlags(fs, l)
	o.addCensusFlags(fs, l)
	o.addEstimateFlag(fs, l)
	o.addOverlayFlag(fs, l)
	fs.IntVar(&o.Top, "top", census.DefaultTop, l.T("flag.top"))
	fs.StringVar(&o.Format, "format", "text", l.T("flag.format"))
	fs.StringVarP(&o.Output, "output", "o", "", l.T("flag.output"))
	fs.StringVar(&o.Snapshot, "snapshot", "", l.T("flag.snapshot"))
	fs.StringVar(&o.AsOf, "as-of", "", l.T("flag.as-of"))
	fs.BoolVar(&o.WithThresholds, "thresholds", false, l.T("flag.report_thresholds"))
	o.dbOptions.addFlags(fs, l)
	fs.StringVar(&o.Recipe, "recipe", "", l.T("flag.recipe"))
	return cmd
}

// addCensusFlags adds the counting flags that report, diff, history and
// chart share, under the same names as the API's parameters.
func (o *reportOptions) addCensusFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.IntVar(&o.From, "from", 0, l.T("flag.from"))
	fs.IntVar(&o.To, "to", 0, l.T("flag.to"))
	fs.StringVar(&o.Attribution, "attribution", "full", l.T("flag.attribution"))
	fs.StringVar(&o.CountryBy, "country-by", "organization", l.T("flag.country-by"))
	fs.StringVar(&o.OrgLevel, "org-level", "group", l.T("flag.org-level"))
	fs.StringVar(&o.MinCompute, "min-compute", "", l.T("flag.min-compute"))
}

// startCensus is how a command that counts stored snapshots begins: the
// language and the source flags (start), then the counting flags.
func (o *reportOptions) startCensus(io *IOStreams) (i18n.Lang, census.Options, error) {
	l, err := o.start(io)
	if err != nil {
		return l, census.Options{}, err
	}
	copt, err := o.censusOptions(l)
	if err != nil {
		return l, copt, asUsage(l, err)
	}
	return l, copt, nil
}

// censusOptions checks the counting flags, with messages in l.
func (o *reportOptions) censusOptions(l i18n.Lang) (census.Options, error) {
	opt := census.Options{
		From: o.From, To: o.To, Attribution: census.Attribution(o.Attribution),
		CountryBy: census.CountryBy(o.CountryBy), OrgLevel: census.OrgLevel(o.OrgLevel), Top: o.Top,
	}
	usage := func(msg string) error { return &Error{Code: ExitUsage, Msg: l.T("err.usage", msg)} }
	switch opt.Attribution {
	case census.AttributionFull, census.AttributionFractional, census.AttributionFirst:
	default:
		return opt, badValue(l, "--attribution", o.Attribution, "full, fractional, first")
	}
	switch opt.CountryBy {
	case census.CountryByOrganization, census.CountryByGroup:
	default:
		return opt, badValue(l, "--country-by", o.CountryBy, "organization, group")
	}
	switch opt.OrgLevel {
	case census.OrgLevelGroup, census.OrgLevelOrganization:
	default:
		return opt, badValue(l, "--org-level", o.OrgLevel, "group, organization")
	}
	if o.MinCompute != "" {
		v, err := strconv.ParseFloat(o.MinCompute, 64)
		if err != nil || v < 0 || math.IsInf(v, 0) {
			return opt, usage(l.T("err.bad_number", "--min-compute", o.MinCompute, "1e23"))
		}
		opt.MinCompute = v
	}
	if o.Top < 1 {
		return opt, usage(l.T("err.bad_count", "--top", o.Top))
	}
	for _, y := range []int{o.From, o.To} {
		if y != 0 && (y < 1900 || y > 2200) {
			return opt, usage(l.T("err.bad_year", y))
		}
	}
	if o.From != 0 && o.To != 0 && o.From > o.To {
		return opt, usage(l.T("err.bad_period", o.From, o.To))
	}
	return opt, opt.Validate()
}

func runReport(cmd *cobra.Command, io *IOStreams, o *reportOptions) error {
	l, err := o.lang(io)
	if err != nil {
		return err
	}
	if o.Recipe != "" {
		return runRecipe(cmd, io, l, o)
	}
	copt, err := o.censusOptions(l)
	if err != nil {
		return asUsage(l, err)
	}
	if err := o.validate(l); err != nil {
		return err
	}
	format, ok := io.Deps.Formats.Lookup(o.Format)
	if !ok || format.Report == nil {
		return badValue(l, "--format", o.Format, strings.Join(io.Deps.Formats.Reports(), ", "))
	}
	toFile := o.Output != "" && o.Output != "-"
	if format.Binary && !toFile {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.needs_output", format.Name))}
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	var raw *publish.RawCollector
	var onRow func(*census.Raw)
	if format.Models {
		raw = &publish.RawCollector{}
		onRow = raw.Add
	}
	var det *census.ComputeDetails
	if o.WithThresholds {
		det, onRow = thresholdsHook(o.EstimateMissing, onRow)
	}
	ds, err := o.dataset(cmd.Context(), io, l, r, onRow)
	if err != nil {
		return err
	}
	res, err := census.Compute(ds, copt)
	if err != nil {
		return usageError(l, err)
	}
	full := ds
	if !format.Models {
		ds = nil // the figures alone: no list of models to gather
	}
	doc := publish.NewDocument(res, ds, raw)
	if o.WithThresholds {
		addThresholds(doc, full, det)
	}
	return writeReport(cmd.Context(), io, l, format, o.Output, doc)
}

// writeReport writes d in format to path (atomically), or to standard
// output when path is "" or "-".
func writeReport(ctx context.Context, io *IOStreams, l i18n.Lang, format *publish.Format, path string, d *publish.Document) error {
	opt := publish.Options{Lang: l, Version: Version, Formats: io.Deps.Formats}
	if path != "-" {
		opt.Output = path
	}
	if path == "" || path == "-" {
		opt.Width = io.OutWidth()
	}
	var buf bytes.Buffer
	if err := format.Report(ctx, &buf, d, opt); err != nil {
		return translate(l, err)
	}
	if err := writeOutput(io.Out, path, buf.Bytes()); err != nil {
		return outputError(l, err)
	}
	return nil
}

// dataset reads the source, or the stored snapshot named by --snapshot or
// --as-of.
func (o *reportOptions) dataset(ctx context.Context, io *IOStreams, l i18n.Lang, r *census.Rules, onRow func(*census.Raw)) (*census.Dataset, error) {
	if o.Snapshot == "" && o.AsOf == "" {
		return o.load(ctx, io, l, r, onRow)
	}
	if o.Snapshot != "" && o.AsOf != "" {
		return nil, &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.snapshot_flags"))}
	}
	st, err := o.openExisting(ctx, io, l)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var snap *census.Snapshot
	if o.Snapshot != "" {
		if snap, err = snapshotArg(ctx, st, l, o.Snapshot); err != nil {
			return nil, err
		}
	} else {
		d, perr := time.Parse("2006-01-02", o.AsOf)
		if perr != nil {
			return nil, &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.bad_date", "--as-of", o.AsOf))}
		}
		if snap, err = snapshots.Pick(ctx, st, d, o.Subset); err != nil {
			return nil, storeError(l, err)
		}
	}
	ov, _, err := o.loadOverlay(io, l)
	if err != nil {
		return nil, err
	}
	ds, err := snapshots.Load(ctx, st, snap, r, epoch.LoadOptions{Subset: o.Subset, OnRow: onRow, EstimateMissing: o.EstimateMissing, Overlay: ov})
	if err != nil {
		return nil, storeOrInput(l, err)
	}
	return ds, nil
}

// langOr is the output language, English when --lang is invalid.
func (o *reportOptions) langOr(io *IOStreams) i18n.Lang {
	l, err := o.lang(io)
	if err != nil {
		return i18n.EN
	}
	return l
}
