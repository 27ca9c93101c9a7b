// Package cobrahelp says a cobra command tree's help in one language of
// package i18n: the help command, every command's --help flag, the long
// help's paragraphs of that language, and (in Korean) the usage template.
//
// It sits beside i18n on the lowest floor of the data flow
// (docs/layout.md), apart from it so that the packages that translate
// through i18n (publish, web, overlay, notify) do not import cobra; cli
// calls it once, on the root command it builds.
package cobrahelp
