// Package overlay reads, validates and writes curation files: a folder of
// TOML files, one entry each, that add the models Epoch misses, correct one
// field of an upstream model, or exclude one, every entry with its sources,
// author and date. Teams keep the folder in git and review entries as
// diffs. Applying an overlay to a snapshot is pure and lives in package
// census (Dataset.UseOverlay); this package talks to the file system.
//
// The schema, one file per entry (any name ending in .toml; the folder
// "retired" is skipped):
//
//	id = "kr-kanana"                # required, unique in the folder
//	kind = "add"                    # add, correct or exclude
//	model = "Kanana Flag 32.5B"     # the model added, or the upstream model
//	aliases = ["Kanana"]            # other names it goes by (optional)
//	organization = "Kakao"          # add: its organizations; correct, exclude: must match upstream (optional)
//	reason = "absent from Epoch"    # required
//	author = "analyst@example.org"  # required
//	created = "2026-11-29"          # required, YYYY-MM-DD
//
//	# add only: the export's fields (all optional but date)
//	country = "Korea (Republic of)"
//	date = "2025-02-27"             # YYYY-MM-DD, YYYY-MM or YYYY
//	domain = "Language"
//	parameters = 32.5e9             # numbers, or strings holding numbers
//	active_parameters = 3e9
//	tokens = 3e12                   # training dataset size
//	hardware = "NVIDIA H100 SXM5 80GB"
//	compute = 5.85e23               # FLOP
//	confidence = "Speculative"
//	accessibility = "Open weights (unrestricted)"
//	from = "notable"                # bring the row from this subset of the same snapshot
//
//	# correct only
//	field = "compute"               # compute, date, country, organization, domain, parameters, tokens, confidence, accessibility
//	upstream = "1.5e24"             # the value seen upstream when written ("" for blank)
//	value = "3.55e24"
//
//	[[sources]]                     # at least one
//	url = "https://arxiv.org/abs/2502.18934"
//	retrieved = "2026-11-29"
//	note = "technical report"
//
// It is on the third floor of the data flow (docs/layout.md): it turns
// files into census.Entry values and census applies them; nothing below it
// touches the file system for curation.
package overlay
