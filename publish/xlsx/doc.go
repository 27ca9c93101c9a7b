// Package xlsx writes the census as an Excel workbook with excelize: one
// sheet per table, each with a native Excel chart, plus the models and the
// method.
//
// It is one of publish's formats (third floor of the data flow,
// docs/layout.md): cmd/modelcensus registers it in a publish.Registry, and
// it lays out the publish tables the other formats lay out too.
package xlsx
