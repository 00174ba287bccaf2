/// Primer's version, shown by `primer --version` (raise it with each release).
///
///     print(PrimerVersion.current)   // "0.9.0"
public enum PrimerVersion {
    public static let current = "0.9.0"
}
