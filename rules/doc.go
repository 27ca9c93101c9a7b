// Package rules holds modelcensus's normalization tables as CSV files
// embedded in the binary, and loads them into census.Rules. A folder given
// with --rules overrides the embedded tables file by file.
//
// The tables, all UTF-8 CSV with a header row:
//
//	columns.csv        field,alias            header spellings of each field
//	countries.csv      code,name,name_ko,aliases   ISO 3166-1 alpha-2 countries
//	organizations.csv  organization,group,country,sector,aliases
//	groups.csv         group,country,sector   parent groups of organizations
//	domains.csv        domain,group,name_ko   Epoch domains and their groups
//	domain_groups.csv  group,name_ko          domain groups, in report order
//	accessibility.csv  value,category         open-weights, api, hosted, unreleased
//	regions.csv        region,name,name_ko,members,source   EU-27, continents (ISO members)
//	head_offices.csv   organization,country,city,source     head offices (--multinational head-office)
//	sectors.csv        value,sector,source    Epoch's Organization categorization → sector
//	thresholds.csv     id,flop,cumulative,law,law_ko,triggers,triggers_ko,source[,source_ko]
//	                   compute thresholds of laws and of Epoch's pages
//
// Aliases are separated by '|'. Matching ignores case, repeated white space
// and stray double quotes.
//
// It is on the second floor of the data flow (docs/layout.md): it builds
// the census.Rules that epoch reads with and census counts by, and the
// rules' Version (a short hash of the tables) is printed in every output.
package rules
