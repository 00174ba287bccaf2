// The `ClassicalML` module; see ARCHITECTURE.md.
