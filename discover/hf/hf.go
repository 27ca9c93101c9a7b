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
// developer whose pages fail (an HTTP error, a malformed page) is skipped
// and the others are still asked; a *discover.NetError (no answer at all)
// stops the scan. The error joins every failure: the client's, and
// *discover.MalformedError for an answer that is not a JSON list of models.
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
				errs = append(errs, err)
				// A developer the Hub answers badly for does not stop the
				// others; a Hub that does not answer at all does.
				var ne *discover.NetError
				if errors.As(err, &ne) {
					return out, errors.Join(errs...)
				}
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
	// A mixture of experts, from what the listing's config holds: exact
	// where it has the layer sizes, else approximate. Detail reads the
	// whole config.json.
	if a, ok := discover.ActiveFromConfig(f.Params, m.Config); ok {
		f.ActiveParams = a
	} else if a, ok := discover.ApproxActive(f.Params, m.Config); ok {
		f.ActiveParams, f.ActiveApprox = a, true
	}
	return f
}

// Detail reads a repository's config.json, for the exact active
// parameters of a mixture of experts (discover.ActiveFromConfig), and its
// model card (README.md), for the training tokens it states
// (discover.TokensInCard): GET {endpoint}/{id}/resolve/main/config.json
// and …/README.md, the files the Hub serves for every repository. A file
// that is missing (404) is not an error: many repositories have no card.
// It fails with the client's error or a *discover.MalformedError for a
// config.json that is not a JSON object.
func (s *Source) Detail(ctx context.Context, f *discover.Found) error {
	if f.ID == "" || f.Derivative != "" {
		return nil
	}
	base := strings.TrimRight(s.Endpoint, "/")
	if base == "" {
		base = DefaultEndpoint
	}
	var errs []error
	cfgURL := base + "/" + f.ID + "/resolve/main/config.json"
	if body, _, err := s.Client.Get(ctx, cfgURL); err == nil {
		var cfg map[string]any
		if err := json.Unmarshal(body, &cfg); err != nil {
			errs = append(errs, &discover.MalformedError{URL: cfgURL, Err: err})
		} else if a, ok := discover.ActiveFromConfig(f.Params, cfg); ok {
			f.ActiveParams, f.ActiveApprox = a, false
		} else if a, ok := discover.ApproxActive(f.Params, cfg); ok && f.ActiveParams == 0 {
			f.ActiveParams, f.ActiveApprox = a, true
		}
	} else if !notFound(err) {
		errs = append(errs, err)
	}
	if body, _, err := s.Client.Get(ctx, base+"/"+f.ID+"/resolve/main/README.md"); err == nil {
		if t, sentence, ok := discover.TokensInCard(string(body)); ok {
			f.Tokens, f.TokensSource = t, sentence
		}
	} else if !notFound(err) {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// notFound reports a 404: the file does not exist.
func notFound(err error) bool {
	var he *discover.HTTPError
	return errors.As(err, &he) && he.Status == 404
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
