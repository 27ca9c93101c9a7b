// Package hf finds models on the Hugging Face Hub, through its public API
// (GET /api/models, https://huggingface.co/docs/hub/api): the newest
// repositories of each watched developer, with their safetensors parameter
// count, config, card data, tags, creation date and downloads. Pages follow
// the Link: <…>; rel="next" header.
package hf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/modelcensus/modelcensus/discover"
)

// DefaultEndpoint is the Hub.
const DefaultEndpoint = "https://huggingface.co"

// Source is the Hub. Endpoint is its base URL; Limit the page size (100 by
// default); Pages caps the pages read per developer (3 by default).
type Source struct {
	Endpoint string
	Client   *discover.Client
	Limit    int
	Pages    int
}

// Name is "hf".
func (s *Source) Name() string { return "hf" }

// model is one repository as GET /api/models answers it.
type model struct {
	ID          string         `json:"id"`
	CreatedAt   string         `json:"createdAt"`
	Downloads   int64          `json:"downloads"`
	Tags        []string       `json:"tags"`
	Safetensors *safetensors   `json:"safetensors"`
	Config      map[string]any `json:"config"`
}

type safetensors struct {
	Total float64 `json:"total"`
}

// derivativeTag finds a derivative's tag: base_model:finetune:…,
// base_model:quantized:…, base_model:adapter:…, base_model:merge:….
var derivativeTag = regexp.MustCompile(`^base_model:(finetune|quantized|adapter|merge):`)

// Find lists the newest repositories of each developer of watch. A
// developer whose pages fail is skipped and the others are still asked; the
// error joins every failure: the client's, and *discover.MalformedError for
// an answer that is not a JSON list of models.
func (s *Source) Find(ctx context.Context, watch []string) ([]discover.Found, error) {
	base := strings.TrimRight(s.Endpoint, "/")
	if base == "" {
		base = DefaultEndpoint
	}
	limit, pages := s.Limit, s.Pages
	if limit <= 0 {
		limit = 100
	}
	if pages <= 0 {
		pages = 3
	}
	var out []discover.Found
	var errs []error
	for _, author := range watch {
		q := url.Values{"author": {author}, "sort": {"createdAt"}, "direction": {"-1"}, "limit": {fmt.Sprint(limit)},
			"expand[]": {"safetensors", "config", "cardData", "tags", "createdAt", "downloads"}}
		next := base + "/api/models?" + q.Encode()
		for page := 0; next != "" && page < pages; page++ {
			body, hdr, err := s.Client.Get(ctx, next)
			if err != nil {
				if ctx.Err() != nil {
					return out, ctx.Err()
				}
				errs = append(errs, err) // the other developers are still asked
				break
			}
			var list []model
			if err := json.Unmarshal(body, &list); err != nil {
				errs = append(errs, &discover.MalformedError{URL: next, Err: err})
				break
			}
			for _, m := range list {
				out = append(out, found(base, m))
			}
			next = nextLink(hdr.Get("Link"))
		}
	}
	return out, errors.Join(errs...)
}

// found is a repository as a found model.
func found(base string, m model) discover.Found {
	org, name, _ := strings.Cut(m.ID, "/")
	f := discover.Found{Source: "hf", URL: base + "/" + m.ID, Name: name, ID: m.ID, Organization: org,
		Note: fmt.Sprintf("%d downloads", m.Downloads)}
	if len(m.CreatedAt) >= 10 {
		f.Date = m.CreatedAt[:10]
	}
	for _, t := range m.Tags {
		if derivativeTag.MatchString(t) {
			f.Derivative = t
			break
		}
	}
	if m.Safetensors != nil && m.Safetensors.Total > 0 && !strings.Contains(f.Derivative, ":quantized:") {
		f.Params = m.Safetensors.Total
	}
	// A mixture of experts: experts per token over experts, times the
	// total, approximates the active count (shared layers make it low).
	k, kok := number(m.Config, "num_experts_per_tok", "moe_topk", "num_selected_experts")
	n, nok := number(m.Config, "num_local_experts", "n_routed_experts", "num_experts")
	if kok && nok && n > 0 && k > 0 && k < n && f.Params > 0 {
		f.ActiveParams, f.ActiveApprox = f.Params*k/n, true
	}
	return f
}

// number reads the first of keys that holds a number in a config.
func number(cfg map[string]any, keys ...string) (float64, bool) {
	for _, k := range keys {
		if v, ok := cfg[k].(float64); ok {
			return v, true
		}
	}
	return 0, false
}

// nextLink reads rel="next" from a Link header, or "".
func nextLink(h string) string {
	for _, part := range strings.Split(h, ",") {
		u, params, ok := strings.Cut(part, ";")
		if ok && strings.Contains(params, `rel="next"`) {
			return strings.Trim(strings.TrimSpace(u), "<>")
		}
	}
	return ""
}
