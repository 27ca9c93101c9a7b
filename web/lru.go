package web

import (
	"container/list"
	"context"
	"sync"
)

// loaded keeps values that are costly to build (parsed snapshots) by key,
// least recently used out first, within max values. Each value is built
// once however many requests ask for it at the same time: the first builds
// it, the others wait for it (or for their own request's end).
type loaded struct {
	mu    sync.Mutex
	max   int
	m     map[string]*list.Element // of *slot
	order list.List                // most recently used first
}

// slot is one value, being built until ok is closed.
type slot struct {
	key string
	val any
	err error
	ok  chan struct{}
}

func newLoaded(max int) *loaded {
	return &loaded{max: max, m: map[string]*list.Element{}}
}

// put keeps a value built elsewhere.
func (l *loaded) put(key string, val any) {
	s := &slot{key: key, val: val, ok: make(chan struct{})}
	close(s.ok)
	l.mu.Lock()
	defer l.mu.Unlock()
	if el, ok := l.m[key]; ok {
		l.order.Remove(el)
	}
	l.m[key] = l.order.PushFront(s)
	l.evict()
}

// evict drops the least recently used values past the bound; a value
// still being built is dropped from the map, not from its waiters.
func (l *loaded) evict() {
	for l.order.Len() > l.max {
		el := l.order.Back()
		l.order.Remove(el)
		delete(l.m, el.Value.(*slot).key)
	}
}

// get returns the value of key, building it with build when it is not
// kept. build runs without the request's cancellation (other requests may
// wait for it); an error is returned to every waiter and not kept.
func (l *loaded) get(ctx context.Context, key string, build func(context.Context) (any, error)) (any, error) {
	l.mu.Lock()
	el, ok := l.m[key]
	var s *slot
	if ok {
		l.order.MoveToFront(el)
		s = el.Value.(*slot)
		l.mu.Unlock()
	} else {
		s = &slot{key: key, ok: make(chan struct{})}
		l.m[key] = l.order.PushFront(s)
		l.evict()
		l.mu.Unlock()
		s.val, s.err = build(context.WithoutCancel(ctx))
		close(s.ok)
		if s.err != nil {
			l.mu.Lock()
			if el, ok := l.m[key]; ok && el.Value.(*slot) == s {
				l.order.Remove(el)
				delete(l.m, key)
			}
			l.mu.Unlock()
		}
	}
	select {
	case <-s.ok:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.val, s.err
}

// len is the number of values kept (or being built).
func (l *loaded) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.order.Len()
}
