// Package every runs a job again and again at a fixed interval until its
// context ends: the loop of pull --every and discover --every.
package every
