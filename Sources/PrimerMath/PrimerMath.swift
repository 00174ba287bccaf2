// The `PrimerMath` module; see ARCHITECTURE.md.
