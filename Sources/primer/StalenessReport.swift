import Foundation
import PrimerKit

/// Prints the stale paragraphs of the translated chapters among `chapters` (warnings, errors
/// under `--strict`) and returns the paths that fail because of them.
///
///     let failing = StalenessReport.print(chapters, strict: true, style: style)
enum StalenessReport {
    @discardableResult
    static func print(_ chapters: [Chapter], strict: Bool, style: TerminalStyle) -> [String] {
        var failing: [String] = []
        for chapter in chapters where chapter.translation != nil {
            let stale = TranslationSync.staleness(of: chapter)
            for paragraph in stale {
                Swift.print(style.bold("\(paragraph.path):\(paragraph.line):1: ") + (strict ? style.red("error: ") : style.yellow("warning: ")) + paragraph.message)
            }
            if strict && !stale.isEmpty { failing.append(chapter.path) }
        }
        return failing
    }
}
