/// Makes a line of user-supplied text safe for a terminal: control
/// characters (C0, DEL, C1) and bidirectional overrides become visible
/// escapes (`\x1b`, `\n`, `\u202e`), so an id cannot clear the screen, set
/// the window title, reorder the line or forge another report line.
///
/// Applied to whole lines of text output, after they are built: a line's
/// own text never holds a control character, so anything escaped came from
/// the plan, a profile, or a file name.
public enum TerminalText {
    /// `line` with every unsafe scalar escaped; the same string when none is.
    ///
    /// Complexity: O(n) in the line's UTF-8 length; no allocation when clean.
    public static func escaped(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: isUnsafe) else { return line }
        var out = ""
        out.reserveCapacity(line.utf8.count + 8)
        for scalar in line.unicodeScalars {
            guard isUnsafe(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out +=
                    scalar.value < 0x100
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return out
    }

    /// A value read from a user's file, for quoting inside a message: escaped,
    /// and cut to `limit` characters with an ellipsis, so a cell of a
    /// megabyte does not become a message of a megabyte.
    public static func excerpt(_ value: String, limit: Int = 60) -> String {
        let escaped = escaped(value)
        guard escaped.count > limit else { return escaped }
        return String(escaped.prefix(limit)) + "…"
    }

    /// Lines joined with newlines, each escaped, with a final newline.
    public static func lines(_ lines: [String]) -> String {
        lines.map(escaped).joined(separator: "\n") + "\n"
    }

    /// Control characters, and the marks and overrides that reorder text.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
