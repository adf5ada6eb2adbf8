/// One line per consequence for formats that show text (terminal,
/// Markdown, HTML, SARIF and GeoJSON properties): every measure and every
/// fine, never only the first, so no format shows less than the law sets.
extension Consequence {
    /// "Art. 27 ¶1: confiscation …; deletion …; fine, unit ¥10,000–20,000;
    /// fine, directly responsible persons ¥5,000–10,000 — condition (note)".
    public var summary: String {
        var parts = measures
        for fine in fines {
            parts.append("fine, \(fine.party): \(fine.yuanRange)\(fine.note.map { " (\($0))" } ?? "")")
        }
        var text = parts.isEmpty ? article : "\(article): " + parts.joined(separator: "; ")
        if let condition { text += " — \(condition)" }
        if let note { text += " (\(note))" }
        return text
    }
}

extension Finding {
    /// Every consequence's summary, the primary one first, ` | `-separated.
    public var consequenceSummary: String { consequences.map(\.summary).joined(separator: " | ") }
}

extension Fine {
    /// "¥10,000–20,000", "up to ¥10,000", "from ¥1,000", or "amount unclear".
    public var yuanRange: String {
        switch (minYuan, maxYuan) {
        case let (lo?, hi?): "¥\(Self.thousands(lo))–\(Self.thousands(hi))"
        case let (nil, hi?): "up to ¥\(Self.thousands(hi))"
        case let (lo?, nil): "from ¥\(Self.thousands(lo))"
        case (nil, nil): "amount unclear"
        }
    }

    static func thousands(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
