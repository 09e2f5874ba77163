package bot

import "time"

// WithMarksEvery sets how often delivered replies are deleted from the
// outbox (20 ms otherwise): a test holds a delivered reply there.
func WithMarksEvery(d time.Duration) Option { return func(r *Runtime) { r.marksEvery = d } }
