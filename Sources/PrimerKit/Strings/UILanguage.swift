import Foundation

/// A language Primer writes its own words in (headings, buttons, prompts, report words), read
/// from a BCP-47 tag: any `en…` tag is English, any `zh…` tag is Simplified Chinese (the only
/// Chinese Primer ships), anything else falls back to English. POSIX locale names work too.
///
///     UILanguage(tag: "zh-CN")          // .zhHans
///     UILanguage(tag: "en_GB.UTF-8")    // .en
///     UILanguage(tag: "fr")             // .en
///     UILanguage.zhHans.strings.text(.copy)   // "复制"
public enum UILanguage: String, Sendable, CaseIterable {
    case en = "en"
    case zhHans = "zh-Hans"

    /// The environment variable that overrides a book's language in the terminal.
    public static let environmentVariable = "PRIMER_LANG"

    public init(tag: String) {
        let primary = tag.trimmingCharacters(in: .whitespaces).lowercased()
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).first.map(String.init) ?? ""
        self = primary == "zh" ? .zhHans : .en
    }

    /// The language's name for itself, as a language switcher offers it.
    ///
    ///     UILanguage.zhHans.nativeName   // "中文"
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .zhHans: "中文"
        }
    }

    /// The tag written into pages: `<html lang="zh-Hans">`.
    public var tag: String { rawValue }

    /// This language's table of Primer's words.
    public var strings: any UIStringTable {
        switch self {
        case .en: EnglishStrings()
        case .zhHans: SimplifiedChineseStrings()
        }
    }

    /// The language for the terminal: `override` (a `--lang` option) if given, else
    /// `PRIMER_LANG` if set and not empty, else the book's `language`.
    ///
    ///     UILanguage.forTerminal(override: nil, bookLanguage: "zh-Hans")   // .zhHans
    public static func forTerminal(override: String?, bookLanguage: String?,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> UILanguage {
        if let override, !override.isEmpty { return UILanguage(tag: override) }
        if let value = environment[environmentVariable], !value.isEmpty { return UILanguage(tag: value) }
        return UILanguage(tag: bookLanguage ?? "en")
    }
}
