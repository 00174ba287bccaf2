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

    /// Prints a warning for each chapter of a translated book that the editions among `folders`
    /// do not translate yet (a translation may lag behind: never an error).
    static func printUntranslated(in folders: [String], style: TerminalStyle) {
        for folder in folders {
            for missing in Editions.untranslated(edition: folder) {
                Swift.print(style.bold("\(folder)/SUMMARY.md:1:1: ") + style.yellow("warning: ")
                            + "\(missing) has no translation in \(folder) yet; translate it (first line `<!-- primer: translates …` naming it), list it in \(folder)/SUMMARY.md and run `primer edition stamp \(folder)`")
            }
        }
    }
}
