import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How to draw on this terminal: its width and whether to use colour.
///
/// Colour is used only when the output is a terminal and `NO_COLOR` is not set (no-color.org);
/// the width comes from the terminal, else `COLUMNS`, else 80.
public struct TerminalStyle: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = width; self.color = color
    }

    /// The style for standard output as it is now.
    public static func detect(fileDescriptor: Int32 = 1) -> TerminalStyle {
        let environment = ProcessInfo.processInfo.environment
        let isTTY = isatty(fileDescriptor) == 1
        var width = 80
        var size = winsize()
        if isTTY, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            width = Int(size.ws_col)
        } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
        }
        let color = isTTY && environment["NO_COLOR"].map { $0.isEmpty } != false && environment["TERM"] != "dumb"
        return TerminalStyle(width: max(20, min(width, 160)), color: color)
    }

    public func paint(_ text: String, _ codes: String) -> String {
        color ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ s: String) -> String { paint(s, "1") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func italic(_ s: String) -> String { paint(s, "3") }
    public func underline(_ s: String) -> String { paint(s, "4") }
    public func red(_ s: String) -> String { paint(s, "31") }
    public func green(_ s: String) -> String { paint(s, "32") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func blue(_ s: String) -> String { paint(s, "34") }
    public func magenta(_ s: String) -> String { paint(s, "35") }
    public func cyan(_ s: String) -> String { paint(s, "36") }
}
