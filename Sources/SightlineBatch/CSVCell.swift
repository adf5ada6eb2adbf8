/// One CSV field (RFC 4180) that a spreadsheet opens as text.
///
/// Decisions are made on bytes, not Swift `Character`s: CRLF is one
/// Character, so a Character test for "\r" or "\n" misses it and lets a
/// cell start a new row.
enum CSVCell {
    /// `value` quoted when it holds a comma, quote, CR or LF, and prefixed
    /// with `'` when it starts with `=`, `+`, `-`, `@`, a tab or a CR, which
    /// spreadsheets would run as a formula (OWASP's CSV-injection list).
    static func escaped(_ value: String) -> String {
        var s = value
        if let first = s.utf8.first,
            [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        {
            s = "'" + s
        }
        let needsQuotes = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
