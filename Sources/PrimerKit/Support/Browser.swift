import Foundation

/// Opens a page in the desktop's browser (`xdg-open` on Linux, `open` on macOS).
///
///     Browser.open("http://127.0.0.1:4000/")   // false when there is no opener
public enum Browser {
    @discardableResult
    public static func open(_ url: String) -> Bool {
        guard let opener = Shell.which("xdg-open") ?? Shell.which("open") else { return false }
        return (try? Shell.run(opener, [url], output: .discard))?.succeeded ?? false
    }
}
