package webhook

// UseStandardDeadline makes h give its functions context.WithDeadline's
// context, for BenchmarkThroughputRatio's comparison with the lazily timed
// one.
func UseStandardDeadline(h *Handler) { h.stdDeadline = true }
