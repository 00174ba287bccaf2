// The `DeepLearning` module; see ARCHITECTURE.md.
