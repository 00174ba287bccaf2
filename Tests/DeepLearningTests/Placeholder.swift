import Testing

@Test func placeholderDeepLearning() {}
