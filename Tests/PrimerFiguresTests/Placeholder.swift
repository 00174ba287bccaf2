import Testing

@Test func placeholderPrimerFigures() {}
