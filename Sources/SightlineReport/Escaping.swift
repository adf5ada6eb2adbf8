import SightlineIO
import SightlinePlan

/// Escaping for each format a plan's strings can land in. Names, ids and
/// addresses come from the plan file, so none reaches output unescaped.
enum Escape {
    /// Text and attribute values in HTML and SVG.
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline have no place in a document.
                if ch.value < 0x20 && ch != "\t" && ch != "\n" { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// A value for an HTML `id` or a fragment: letters, digits, `-` and `_`
    /// only, anything else as `_xx` hex, so no id can break out of an attribute.
    static func identifier(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789abcdef")
                out += "_\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return out
    }

    /// Text in a Markdown table cell or list item: the punctuation that
    /// makes emphasis, code, links or table cells is backslash-escaped,
    /// HTML-significant characters become entities, and line breaks become
    /// spaces (a table row is one line). Text never starts a line, so block
    /// markers (`#`, `-`, `1.`) need no escape.
    ///
    /// Scalars, not Characters: CRLF is one Character and would slip past a
    /// test for "\n"; other control characters and bidi overrides become
    /// visible escapes, as on a terminal.
    static func markdown(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out += "\\\(scalar)"
            default:
                if TerminalText.isUnsafe(scalar) { out += TerminalText.escaped(String(scalar)) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
