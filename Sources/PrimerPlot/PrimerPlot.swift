// The `PrimerPlot` module; see ARCHITECTURE.md.
