// Package synth writes synthetic Epoch-shaped exports of any size for
// benchmarks: the real column names of the current all_ai_models.csv header,
// realistic values (multi-valued organizations and countries, scientific
// notation compute, blanks where Epoch has them) and short free text.
//
// It is benchmark tooling outside the data flow (docs/layout.md): bench/gen
// and bench/year write its exports, which package epoch then reads like any
// other.
package synth
