// Package shared locates the archive of real Epoch AI exports that tests
// read: ../shared/epoch-snapshots beside the repository, or the folder named
// by MODELCENSUS_SNAPSHOTS. Tests skip, saying why, where it is missing.
//
// It is test tooling outside the data flow (docs/layout.md); the program
// itself never uses it.
package shared
