package epoch

import (
	"context"

	"github.com/modelcensus/modelcensus/census"
)

// ValueMappings opens location (Open, with opt.OpenOptions), reads the
// files of opt.Subset (with opt.Encoding and opt.DateFormat) and returns
// every raw value in them and what the rules r map it to
// (census.ValueCounter.Mappings), column names included. Errors are
// Open's, Source.Select's and Reader.Read's.
func ValueMappings(ctx context.Context, location string, r *census.Rules, opt LoadOptions) ([]census.Mapping, error) {
	src, err := Open(ctx, location, opt.OpenOptions)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	files, _, err := src.Select(opt.Subset)
	if err != nil {
		return nil, err
	}
	counter := census.NewValueCounter(r)
	ds := census.NewDataset(r)
	for _, f := range files {
		rd := &Reader{Rules: r, Encoding: opt.Encoding, DateFormat: opt.DateFormat}
		res, err := rd.Read(f.Name, WithContext(ctx, f.Open), ds, counter.Add)
		if err != nil {
			return nil, err
		}
		counter.AddHeader(res.Header)
	}
	return counter.Mappings(), nil
}
