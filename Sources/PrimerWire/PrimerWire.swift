// The `PrimerWire` module; see ARCHITECTURE.md.
