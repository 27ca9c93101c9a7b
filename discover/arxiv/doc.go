// Package arxiv finds new model reports on arXiv, through its API
// (https://info.arxiv.org/help/api): the newest cs.CL, cs.LG and cs.CV
// entries whose titles announce a technical report or a model family. The
// client it is given should keep one request every 3 seconds, as arXiv
// asks (discover.Client.MinInterval).
//
// It is one of discover's candidate sources (third floor of the data flow,
// docs/layout.md): it implements discover.Source and reads only through
// discover.Client.
package arxiv
