// Package i18n holds every user-facing string of modelcensus in English and
// Korean, and picks the language from a flag or the locale.
//
// It is on the lowest floor of the data flow (docs/layout.md), beside
// census: publish, web and cli translate through it (Lang.T), and a
// message that writes a Korean particle both ways (을(를), 이(가), 은(는),
// 과(와)) gets the form the word before it takes (Particles). Each topic's
// strings are a function in a file of their own, merged lazily into one
// catalogue.
package i18n
