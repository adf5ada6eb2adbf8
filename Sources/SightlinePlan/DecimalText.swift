/// Numbers as text with a fixed number of decimals, rounded half away from
/// zero, without Foundation (whose formatting depends on the locale): the
/// one formatter for reports, messages and the CLI.
public enum DecimalText {
    /// Exactly `places` decimals: `fixed(5.5, 2)` is `"5.50"`.
    public static func fixed(_ x: Double, _ places: Int) -> String {
        var s = trimmed(x, places)
        guard places > 0 else { return s }
        if !s.contains(".") { s += "." }
        let have = s.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
        return s + String(repeating: "0", count: max(0, places - have))
    }

    public static func fixed1(_ x: Double) -> String { fixed(x, 1) }
    public static func fixed2(_ x: Double) -> String { fixed(x, 2) }

    /// At most `places` decimals, trailing zeros dropped: `trimmed(5.5, 2)` is `"5.5"`.
    public static func trimmed(_ x: Double, _ places: Int) -> String {
        var w = JSONWriter(indent: 0)
        w.number(x, decimals: places)
        return w.string
    }
}
