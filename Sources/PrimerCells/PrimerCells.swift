// The `PrimerCells` module; see ARCHITECTURE.md.
