// The `PrimerKit` module; see ARCHITECTURE.md.
