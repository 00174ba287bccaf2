import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Single key presses from the terminal (`/dev/tty`), without waiting for a newline.
final class KeyInput {
    private let fd: Int32
    private var saved = termios()

    /// Nil when there is no terminal to read from.
    init?() {
        fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else { return nil }
        guard tcgetattr(fd, &saved) == 0 else { close(fd); return nil }
    }

    deinit {
        close(fd)
    }

    /// Waits for one key and returns it (`"\n"` for Enter, nil at end of input).
    func readKey() -> Character? {
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(fd, TCSANOW, &raw)
        defer { tcsetattr(fd, TCSANOW, &saved) }
        var byte: UInt8 = 0
        var n: Int
        repeat { n = read(fd, &byte, 1) } while n < 0 && errno == EINTR
        guard n == 1 else { return nil }
        if byte == 13 || byte == 10 { return "\n" }
        if byte == 4 { return nil }   // Ctrl-D
        return Character(UnicodeScalar(byte))
    }
}

extension KeyInput {
    /// Reads a number typed after a key (`g 12`), echoing it through `echo`, until Enter;
    /// nil when the learner types Escape or no digits.
    func readNumber(echo: (String) -> Void) -> Int? {
        var digits = ""
        while let key = readKey() {
            switch key {
            case "\n": return Int(digits)
            case "\u{7F}", "\u{08}":
                if !digits.isEmpty { digits.removeLast(); echo("\u{08} \u{08}") }
            case "\u{1B}": return nil
            default:
                if key.isASCII, key.isNumber { digits.append(key); echo(String(key)) }
            }
        }
        return nil
    }
}
