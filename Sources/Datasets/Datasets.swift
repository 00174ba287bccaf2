// The `Datasets` module; see ARCHITECTURE.md.
