package web

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestLoadedLRU(t *testing.T) {
	l := newLoaded(3)
	builds := map[string]int{}
	get := func(k string) {
		v, err := l.get(context.Background(), k, func(context.Context) (any, error) {
			builds[k]++
			return k + "!", nil
		})
		if err != nil || v != k+"!" {
			t.Fatalf("get %s = %v, %v", k, v, err)
		}
	}
	for _, k := range []string{"a", "b", "c", "a", "d"} { // d evicts b, the least recently used
		get(k)
	}
	if l.len() != 3 {
		t.Fatalf("kept %d values, want 3", l.len())
	}
	get("a")
	get("c")
	get("d")
	get("b")
	want := map[string]int{"a": 1, "b": 2, "c": 1, "d": 1}
	for k, n := range want {
		if builds[k] != n {
			t.Errorf("%s built %d times, want %d", k, builds[k], n)
		}
	}
}

func TestLoadedBuildsOnceAndForgetsErrors(t *testing.T) {
	l := newLoaded(4)
	var n atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := l.get(context.Background(), "k", func(context.Context) (any, error) {
				n.Add(1)
				<-release
				return 7, nil
			})
			if err != nil || v != 7 {
				t.Errorf("got %v, %v", v, err)
			}
		}()
	}
	close(release)
	wg.Wait()
	if n.Load() != 1 {
		t.Errorf("built %d times by 50 concurrent requests, want 1", n.Load())
	}
	boom := errors.New("boom")
	for i := 1; i <= 2; i++ {
		_, err := l.get(context.Background(), "bad", func(context.Context) (any, error) { return nil, fmt.Errorf("try %d: %w", i, boom) })
		if !errors.Is(err, boom) || err.Error() != fmt.Sprintf("try %d: boom", i) {
			t.Errorf("try %d: %v (an error must not be kept)", i, err)
		}
	}
}
