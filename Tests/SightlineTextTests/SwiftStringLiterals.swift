/// The string literals of a Swift source file, for the test that holds
/// report prose to the catalogues. A small lexer, not a parser: it skips
/// comments, reads `"…"`, `"""…"""` and `#"…"#` literals, and stands each
/// interpolation `\(…)` in for a space, lexing the literals inside it too.
///
/// Complexity: O(n) in the file's length.
struct SwiftStringLiterals {
    struct Literal {
        /// The literal's text, each interpolation replaced by a space.
        var text: String
        var line: Int
        /// The code before it on its line, e.g. `@Option(help: `.
        var before: String
    }

    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private(set) var literals: [Literal] = []
    /// Lines a comment saying `not prose:` (a JSON value, a CSS class)
    /// stands on or just above.
    private(set) var markedLines: Set<Int> = []

    init(source: String) {
        scalars = Array(source.unicodeScalars)
        lexCode(untilCloseParen: false)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        i + offset < scalars.count ? scalars[i + offset] : nil
    }

    private func starts(with text: String) -> Bool {
        var k = i
        for s in text.unicodeScalars {
            guard k < scalars.count, scalars[k] == s else { return false }
            k += 1
        }
        return true
    }

    private mutating func advance() {
        if scalars[i] == "\n" { line += 1 }
        i += 1
    }

    /// Code: comments skipped, literals read; inside an interpolation, up
    /// to the parenthesis that closes it.
    private mutating func lexCode(untilCloseParen: Bool) {
        var depth = 0
        while i < scalars.count {
            if starts(with: "//") {
                var comment = ""
                while let c = peek(), c != "\n" {
                    comment.unicodeScalars.append(c)
                    advance()
                }
                if comment.contains("not prose:") { markedLines.formUnion([line, line + 1]) }
            } else if starts(with: "/*") {
                while i < scalars.count, !starts(with: "*/") { advance() }
                if i < scalars.count { i += 2 }
            } else if starts(with: "#\"") {
                i += 1
                lexLiteral(raw: true)
            } else if peek() == "\"" {
                lexLiteral(raw: false)
            } else if untilCloseParen, peek() == "(" {
                depth += 1
                advance()
            } else if untilCloseParen, peek() == ")" {
                if depth == 0 {
                    advance()
                    return
                }
                depth -= 1
                advance()
            } else {
                advance()
            }
        }
    }

    private mutating func lexLiteral(raw: Bool) {
        let startLine = line
        var lineStart = i
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var before = ""
        before.unicodeScalars.append(contentsOf: scalars[lineStart..<i])
        // A literal alone on its line continues the line above (`help:`⏎).
        if before.allSatisfy(\.isWhitespace), lineStart > 0 {
            var above = lineStart - 1
            while above > 0, scalars[above - 1] != "\n" { above -= 1 }
            before = ""
            before.unicodeScalars.append(contentsOf: scalars[above..<(lineStart - 1)])
        }
        let multiline = starts(with: "\"\"\"")
        i += multiline ? 3 : 1
        let close = (multiline ? "\"\"\"" : "\"") + (raw ? "#" : "")
        let escape = raw ? "\\#" : "\\"
        var text = ""
        while i < scalars.count, !starts(with: close) {
            if starts(with: escape + "(") {
                i += escape.unicodeScalars.count + 1
                text += " "
                lexCode(untilCloseParen: true)
            } else if starts(with: escape) {
                i += escape.unicodeScalars.count
                if i < scalars.count {
                    text.unicodeScalars.append(scalars[i] == "n" ? " " : scalars[i])
                    advance()
                }
            } else if !multiline, peek() == "\n" {
                break
            } else {
                text.unicodeScalars.append(scalars[i])
                advance()
            }
        }
        i = min(scalars.count, i + close.unicodeScalars.count)
        literals.append(Literal(text: text, line: startLine, before: before))
    }
}
