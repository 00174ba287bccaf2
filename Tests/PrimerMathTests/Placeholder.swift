import Testing

@Test func placeholderPrimerMath() {}
