package sources

import (
	"errors"
	"testing"
)

func TestBuild(t *testing.T) {
	e := Endpoints{HF: "http://127.0.0.1:1", Arena: "http://127.0.0.1:2", Arxiv: "http://127.0.0.1:3"}
	// Three names, one blank between commas: three sources, in order.
	got, err := Build("arxiv, ,hf,arena", e, t.TempDir())
	if err != nil || len(got) != 3 {
		t.Fatalf("Build = %d sources, %v; want 3", len(got), err)
	}
	var u *UnknownError
	if _, err := Build("hf,bogus", e, ""); !errors.As(err, &u) || u.Name != "bogus" {
		t.Errorf("unknown name: %v, want an UnknownError naming bogus", err)
	}
	if _, err := Build(" , ", e, ""); !errors.As(err, &u) || u.Name != " , " {
		t.Errorf("no name: %v, want an UnknownError naming the whole list", err)
	}
}
