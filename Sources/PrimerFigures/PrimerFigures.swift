// The `PrimerFigures` module; see ARCHITECTURE.md.
