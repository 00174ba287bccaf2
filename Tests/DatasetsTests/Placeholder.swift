import Testing

@Test func placeholderDatasets() {}
