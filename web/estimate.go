package web

import (
	"errors"
	"net/http"

	"github.com/modelcensus/modelcensus/census"
)

// EstimateJSON is what /api/v1/estimate answers: the estimate, as
// `modelcensus estimate --format json` prints it.
type EstimateJSON struct {
	census.Estimate
	Warnings []string `json:"warnings"`
}

// apiEstimate estimates training compute from the query's inputs, named as
// the estimate command's flags (census.EstimateParams). A bad input is a
// 400 naming it.
func (s *Server) apiEstimate(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := checkParams(q, "estimate"); err != nil {
		s.fail(w, r, err)
		return
	}
	in, err := census.ParseEstimateInputs(q.Get, s.cat.Rules)
	var e census.Estimate
	if err == nil {
		e, err = census.EstimateCompute(in)
	}
	if err != nil {
		s.fail(w, r, estimateParamError(err))
		return
	}
	s.sendJSON(w, r, EstimateJSON{Estimate: e, Warnings: []string{}})
}

// estimateParamError makes an estimate's input error a 400 naming the
// parameter.
func estimateParamError(err error) error {
	var ie *census.InputError
	switch {
	case errors.As(err, &ie) && ie.Issue == "utilization_above_one":
		return bad(ie.Input, "param.est_utilization")
	case errors.As(err, &ie) && ie.Issue == "not_a_number":
		return bad(ie.Input, "param.est_number", ie.Value)
	case errors.As(err, &ie) && ie.Issue == "unknown_hardware":
		return bad(ie.Input, "param.est_hardware", ie.Value)
	case errors.As(err, &ie):
		return bad(ie.Input, "param.est_negative")
	case errors.Is(err, census.ErrNoMethod):
		return bad("estimate", "param.est_no_method")
	}
	return err
}
