import Testing

@Test func placeholderClassicalML() {}
