package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// ChartNames are the charts `modelcensus chart` draws.
var ChartNames = []string{"per_year", "countries", "countries_latest", "organizations_latest", "domains", "multimodal", "compute"}

func newChartCmd(io *IOStreams, l i18n.Lang) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "chart NAME [-o FILE.svg|FILE.png]",
		Short: l.T("cmd.chart.short"),
		Long: `Draw one of the report's charts as SVG or PNG, to paste into documents:
per_year, countries, countries_latest, organizations_latest, domains,
multimodal or compute. The format follows -o's extension, or --format; without
-o the chart goes to standard output (SVG unless --format png). It takes the
same source and counting flags as report.

보고서의 차트 하나를 SVG나 PNG로 그립니다(문서에 붙여 넣기용). 형식은 -o의
확장자나 --format을 따르고, -o가 없으면 표준 출력으로 씁니다. report와 같은
원본·집계 옵션을 씁니다.`,
		Example: "  modelcensus chart per_year -o per_year.svg\n  modelcensus chart compute --lang ko -o compute.png\n  modelcensus chart countries > countries.svg",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.chart_name", strings.Join(ChartNames, ", ")))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runChart(cmd.Context(), io, o, args[0])
		},
	}
	fs := cmd.Flags()
	o.sourceOptions.addFlags(fs, l)
	o.dbOptions.addFlags(fs, l)
	o.addCensusFlags(fs, l)
	fs.StringVar(&o.Snapshot, "snapshot", "", l.T("flag.snapshot"))
	fs.StringVar(&o.AsOf, "as-of", "", l.T("flag.as-of"))
	fs.StringVarP(&o.Output, "output", "o", "", l.T("flag.output"))
	fs.StringVar(&o.Format, "format", "", l.T("flag.chart_format"))
	o.Top = census.DefaultTop
	return cmd
}

func runChart(ctx context.Context, io *IOStreams, o *reportOptions, name string) error {
	if err := needFull(io); err != nil {
		return err
	}
	l, err := o.lang(io)
	if err != nil {
		return usageError("en", err)
	}
	if !contains(ChartNames, name) {
		return badValue(l, "NAME", name, strings.Join(ChartNames, ", "))
	}
	format := o.Format
	if o.Output != "" && o.Output != "-" {
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(o.Output)), ".")
		if ext != publish.ImageSVG && ext != publish.ImagePNG {
			return badValue(l, "-o", o.Output, "FILE.svg, FILE.png")
		}
		if format != "" && format != ext {
			return badValue(l, "--format", format, ext+" (the extension of -o)")
		}
		format = ext
	}
	if format == "" {
		format = publish.ImageSVG
	}
	if format != publish.ImageSVG && format != publish.ImagePNG {
		return badValue(l, "--format", format, "svg, png")
	}
	if err := o.validate(l); err != nil {
		return err
	}
	copt, err := o.censusOptions(l)
	if err != nil {
		return asUsage(l, err)
	}
	r, err := o.loadRules(l)
	if err != nil {
		return err
	}
	ds, err := o.dataset(ctx, io, l, r, nil)
	if err != nil {
		return err
	}
	res, err := census.Compute(ds, copt)
	if err != nil {
		return usageError(l, err)
	}
	for _, c := range publish.Charts(publish.NewDocument(res, ds, nil), l) {
		if c.ID != name {
			continue
		}
		var buf bytes.Buffer
		if err := io.Parts.WriteChart(&buf, c, format, l); err != nil {
			return translate(l, err)
		}
		if err := writeOutput(io.Out, o.Output, buf.Bytes()); err != nil {
			return outputError(l, err)
		}
	}
	return nil
}

// writeMarkdownCharts writes the report's charts as SVG files beside a
// Markdown file and returns the images to show before each table.
func writeMarkdownCharts(io *IOStreams, l i18n.Lang, mdPath string, d *publish.Document) (map[string][]publish.Image, error) {
	base := strings.TrimSuffix(mdPath, filepath.Ext(mdPath))
	images := map[string][]publish.Image{}
	for _, c := range publish.Charts(d, l) {
		var buf bytes.Buffer
		if err := io.Parts.WriteChart(&buf, c, publish.ImageSVG, l); err != nil {
			return nil, translate(l, err)
		}
		path := base + "-" + c.ID + ".svg"
		if err := writeOutput(io.Out, path, buf.Bytes()); err != nil {
			return nil, outputError(l, err)
		}
		table := c.Table
		images[table] = append(images[table], publish.Image{Alt: c.Title, Path: filepath.Base(path)})
	}
	return images, nil
}
