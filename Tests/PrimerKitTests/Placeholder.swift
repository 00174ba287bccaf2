import Testing

@Test func placeholderPrimerKit() {}
