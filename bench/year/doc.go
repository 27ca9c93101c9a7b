// Command year writes a synthetic year of daily downloads for the store's
// benchmarks (issue #16), made from a real all-models export:
//
//	go run ./bench/year -base ../shared/epoch-snapshots/2026-03-30/all_ai_models.csv -days 365 -o /tmp/year
//
// Each day is a folder named by its date holding all_ai_models.csv, with
// the churn of synth.DefaultChurn.
//
// It is benchmark tooling outside the data flow (docs/layout.md); package
// internal/synth makes the churn.
package main
