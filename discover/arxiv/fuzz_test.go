package arxiv_test

import (
	"context"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/discover/arxiv"
	"github.com/modelcensus/modelcensus/internal/fuzzhttp"
)

// FuzzArxivAnswer gives the arXiv source an arbitrary feed (the same for
// every page): it never panics and every model it finds has a name.
func FuzzArxivAnswer(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2502.18934v1</id><title>Kanana: Compute-efficient Bilingual Language Models</title><published>2025-02-26T00:00:00Z</published></entry><entry><id>x</id><title>Mi:dm 2.0 Technical Report</title><published>2025</published></entry></feed>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>: A Family of Models</title></entry><entry><title>Technical Report</title></entry></feed>`))
	f.Add([]byte(`<feed><entry>`))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><feed xmlns="http://www.w3.org/2005/Atom">&a;</feed>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		tr := &fuzzhttp.Transport{Default: fuzzhttp.Answer{Body: body}}
		src := &arxiv.Source{Endpoint: "http://arxiv.test", Max: 200, Client: &discover.Client{HTTP: tr.Client(), Retries: 1, Backoff: time.Millisecond}}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		found, _ := src.Find(ctx, nil)
		for _, fd := range found {
			if fd.Name == "" {
				t.Errorf("a model without a name: %+v", fd)
			}
		}
	})
}
