package jivo

// Phase is where the widget is in its life on the page, as the page
// runtime sees it (jivokit.phase); CurrentPhase reads it.
type Phase uint8

const (
	// PhaseNotRequested: a loading strategy (idle, interaction, consent)
	// holds the widget's script back; nothing has been fetched. Load, or
	// jivokit.load() in JavaScript, starts it.
	PhaseNotRequested Phase = iota + 1
	// PhaseLoading: the widget's script is on the page (or being fetched)
	// and the widget has not called jivo_onLoadCallback yet.
	PhaseLoading
	// PhaseLoaded: the widget has loaded; calls go straight to it.
	PhaseLoaded
	// PhaseDestroyed: jivo_destroy removed the widget; it stays so until
	// the next load (jivo_init starts one). Calls queue meanwhile.
	PhaseDestroyed
	// PhaseFailed: the loader's watchdog decided the widget failed to load
	// (LoadError); calls are refused until it loads after all.
	PhaseFailed
)

// phaseNames are the runtime's names of the phases, in order.
var phaseNames = [...]string{"not-requested", "loading", "loaded", "destroyed", "failed"}

// String returns the runtime's name of the phase: "not-requested",
// "loading", "loaded", "destroyed" or "failed" ("unknown" for others).
func (p Phase) String() string {
	if p >= PhaseNotRequested && p <= PhaseFailed {
		return phaseNames[p-1]
	}
	return "unknown"
}
