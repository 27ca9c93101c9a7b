package census

import (
	"fmt"
	"strings"
)

// UnknownCountryError is SimpleSelection's error for a country that the
// rules do not know, by name or by code.
type UnknownCountryError struct{ Value string }

// Error names the country code that no rule knows.
func (e *UnknownCountryError) Error() string {
	return fmt.Sprintf("country %q is no country the rules know", e.Value)
}

// SimpleSelection is the model filter of a domain and a country, for the
// thresholds and the trend until the figure engine's filters are wired
// in: domain matches an Epoch domain or domain group of the model (case,
// space and quotes ignored), country a country of the model's country
// cell (an ISO code or any spelling r maps). Blank values select
// everything; both given must both hold. It returns nil for no filter,
// and the selection described in English ("domain Language, country KR").
func SimpleSelection(r *Rules, domain, country string) (func(*Model) bool, string, error) {
	var keep []func(*Model) bool
	var desc []string
	if d := Fold(domain); d != "" {
		keep = append(keep, func(m *Model) bool {
			for _, v := range m.Domains() {
				if Fold(v) == d {
					return true
				}
			}
			for _, v := range m.DomainGroups() {
				if Fold(v) == d {
					return true
				}
			}
			return false
		})
		desc = append(desc, "domain "+Clean(domain))
	}
	if strings.TrimSpace(country) != "" {
		code := strings.ToUpper(strings.TrimSpace(country))
		if c, ok := r.Country(country); ok {
			code = c.Code
		} else if _, ok := r.CountryByCode(code); !ok {
			return nil, "", &UnknownCountryError{Value: country}
		}
		keep = append(keep, func(m *Model) bool {
			for _, c := range m.Countries {
				if c == code {
					return true
				}
			}
			return false
		})
		desc = append(desc, "country "+code)
	}
	if len(keep) == 0 {
		return nil, "", nil
	}
	return func(m *Model) bool {
		for _, k := range keep {
			if !k(m) {
				return false
			}
		}
		return true
	}, strings.Join(desc, ", "), nil
}

// Selection is the set of models that thresholds and trend count, as
// their flags and the API's parameters choose it: SimpleSelection's
// domain and country, and the figure engine's filters (ParseFilters:
// FIELD OP VALUE, all ANDed), which read dimensions under the census's
// default counting rules. It returns nil for no selection, and the
// selection described in English ("domain Language, country=KR").
// Errors are *UnknownCountryError and *FilterError. The function it
// returns is not safe for concurrent use: make one per goroutine.
func Selection(r *Rules, domain, country string, filters []string) (func(*Model) bool, string, error) {
	sel, desc, err := SimpleSelection(r, domain, country)
	if err != nil {
		return nil, "", err
	}
	fs, err := ParseFilters(filters)
	if err != nil || len(fs) == 0 {
		return sel, desc, err
	}
	m := fs.NewMatcher(r, Options{}, Counting{})
	keep := m.Match
	if sel != nil {
		keep = func(x *Model) bool { return sel(x) && m.Match(x) }
	}
	if desc != "" {
		desc += ", "
	}
	return keep, desc + strings.Join(fs.Strings(), ", "), nil
}
