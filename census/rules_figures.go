package census

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Region is a named group of countries: the European Union's 27 members,
// a continent. Members are ISO 3166-1 alpha-2 codes; Source says where the
// membership is stated.
type Region struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	NameKo  string   `json:"name_ko"`
	Members []string `json:"members"`
	Source  string   `json:"source"`
}

// HeadOffice is the country of an organization's head office, as the
// --multinational head-office rule counts a "Multinational" row, with the
// source that states it.
type HeadOffice struct {
	Organization string `json:"organization"`
	Country      string `json:"country"`
	City         string `json:"city"`
	Source       string `json:"source"`
}

// Sector categories of the sector dimension. A model whose organizations
// fall in more than one sector is a collaboration.
const (
	SectorIndustry      = "industry"
	SectorAcademia      = "academia"
	SectorGovernment    = "government"
	SectorCollective    = "research collective"
	SectorNonprofit     = "nonprofit"
	SectorCollaboration = "collaboration"
	SectorUnknown       = "unknown"
)

// figureRules are the tables only the figure engine reads.
type figureRules struct {
	Regions   []Region
	regionIdx map[string]int
	// countryRegions lists, by country code, the ids of the regions that
	// hold it, in table order.
	countryRegions map[string][]string
	heads          map[string]HeadOffice // by folded organization name
	headList       []HeadOffice
	sectors        map[string]string // Epoch's categorization value, folded → sector
	sectorRaw      map[string]string
}

func (f figureRules) clone() figureRules {
	c := figureRules{Regions: slices.Clone(f.Regions), regionIdx: maps.Clone(f.regionIdx),
		countryRegions: map[string][]string{}, heads: maps.Clone(f.heads), headList: slices.Clone(f.headList),
		sectors: maps.Clone(f.sectors), sectorRaw: maps.Clone(f.sectorRaw)}
	for k, v := range f.countryRegions {
		c.countryRegions[k] = slices.Clone(v)
	}
	return c
}

// AddRegion adds a region. Its id is what filters and tables use
// (region=EU); members must be country codes of the country table when
// Check runs.
func (r *Rules) AddRegion(g Region) error {
	if g.ID == "" || g.Name == "" {
		return fmt.Errorf("region %q needs an id and a name", g.Name)
	}
	if len(g.Members) == 0 {
		return fmt.Errorf("region %s has no members", g.ID)
	}
	f := &r.figure
	if f.regionIdx == nil {
		f.regionIdx = map[string]int{}
		f.countryRegions = map[string][]string{}
	}
	if _, ok := f.regionIdx[strings.ToLower(g.ID)]; ok {
		return fmt.Errorf("region %s is listed twice", g.ID)
	}
	f.regionIdx[strings.ToLower(g.ID)] = len(f.Regions)
	f.Regions = append(f.Regions, g)
	for _, c := range g.Members {
		if !slices.Contains(f.countryRegions[c], g.ID) {
			f.countryRegions[c] = append(f.countryRegions[c], g.ID)
		}
	}
	return nil
}

// Regions returns the region table, in table order.
func (r *Rules) Regions() []Region { return slices.Clone(r.figure.Regions) }

// Region looks up a region by id, ignoring case.
func (r *Rules) Region(id string) (Region, bool) {
	i, ok := r.figure.regionIdx[strings.ToLower(strings.TrimSpace(id))]
	if !ok {
		return Region{}, false
	}
	return r.figure.Regions[i], true
}

// RegionsOf returns the ids of the regions a country code belongs to.
func (r *Rules) RegionsOf(code string) []string { return r.figure.countryRegions[code] }

// AddHeadOffice adds the head-office country of an organization (its
// canonical name or any spelling the organization table knows).
func (r *Rules) AddHeadOffice(h HeadOffice) error {
	if h.Organization == "" || h.Country == "" {
		return fmt.Errorf("head office of %q needs an organization and a country", h.Organization)
	}
	if h.Source == "" {
		return fmt.Errorf("head office of %q needs a source", h.Organization)
	}
	f := &r.figure
	if f.heads == nil {
		f.heads = map[string]HeadOffice{}
	}
	k := Fold(h.Organization)
	if _, ok := f.heads[k]; ok {
		return fmt.Errorf("head office of %q is listed twice", h.Organization)
	}
	f.heads[k] = h
	f.headList = append(f.headList, h)
	return nil
}

// HeadOffices returns the head-office table, in table order.
func (r *Rules) HeadOffices() []HeadOffice { return slices.Clone(r.figure.headList) }

// HeadOfficeOf returns the head-office country of a canonical
// organization: the head-office table's, else the organization table's
// home country, else "".
func (r *Rules) HeadOfficeOf(org string) string {
	if h, ok := r.figure.heads[Fold(org)]; ok {
		return h.Country
	}
	if o, ok := r.Organization(org); ok {
		if h, ok := r.figure.heads[Fold(o.Name)]; ok {
			return h.Country
		}
		return o.Country
	}
	return ""
}

// GroupHomeOf returns the home country of an organization's parent group
// (the group table's), else the organization's own head office.
func (r *Rules) GroupHomeOf(org string) string {
	if o, ok := r.Organization(org); ok {
		if g, ok := r.Group(o.Group); ok && g.Country != "" {
			return g.Country
		}
	} else if g, ok := r.Group(org); ok && g.Country != "" {
		return g.Country
	}
	return r.HeadOfficeOf(org)
}

// AddSector maps one of Epoch's "Organization categorization" values to
// a sector (SectorIndustry, ...).
func (r *Rules) AddSector(value, sector string) error {
	switch sector {
	case SectorIndustry, SectorAcademia, SectorGovernment, SectorCollective, SectorNonprofit:
	default:
		return fmt.Errorf("organization categorization %q: unknown sector %q", value, sector)
	}
	f := &r.figure
	if f.sectors == nil {
		f.sectors = map[string]string{}
		f.sectorRaw = map[string]string{}
	}
	f.sectors[Fold(value)] = sector
	f.sectorRaw[value] = sector
	return nil
}

// SectorTable returns Epoch's categorization values and their sectors.
func (r *Rules) SectorTable() map[string]string { return maps.Clone(r.figure.sectorRaw) }

// Sector returns the sector of one categorization value.
func (r *Rules) Sector(value string) (string, bool) {
	s, ok := r.figure.sectors[Fold(value)]
	return s, ok
}

// checkFigureRules reports region members and head offices whose country
// code is not in the country table.
func (r *Rules) checkFigureRules() []string {
	var out []string
	for _, g := range r.figure.Regions {
		for _, c := range g.Members {
			if _, ok := r.CountryByCode(c); !ok {
				out = append(out, fmt.Sprintf("region %s: unknown country code %q", g.ID, c))
			}
		}
	}
	for _, h := range r.figure.headList {
		if _, ok := r.CountryByCode(h.Country); !ok {
			out = append(out, fmt.Sprintf("head office of %q: unknown country code %q", h.Organization, h.Country))
		}
	}
	return out
}
