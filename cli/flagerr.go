package cli

import "github.com/modelcensus/modelcensus/i18n"

// flagMessage restates a cobra or pflag error in language l
// (i18n.FlagMessage).
func flagMessage(l i18n.Lang, msg string) string { return i18n.FlagMessage(l, msg) }
