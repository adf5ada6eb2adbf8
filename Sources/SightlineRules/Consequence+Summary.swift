import SightlinePlan

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

extension Consequence {
    /// The summary in `language`. In Chinese, each measure and condition in
    /// the statute's own words (the bracketed Chinese the profile quotes with
    /// each), fines as the statute states them ("单位：1万元以上2万元以下"),
    /// the article as Chinese law cites it; the note (Sightline's reading)
    /// stays as the profile writes it.
    public func summary(in language: Language) -> String {
        guard language == .zh else { return summary }
        var parts = measures.map(Self.statuteWords)
        for fine in fines {
            parts.append("罚款（\(Self.partyZh(fine.party))）：\(fine.yuanRangeZh)\(fine.note.map { "（\(Self.statuteWords($0))）" } ?? "")")
        }
        let reference = ArticleReference.zh(article)
        var text = parts.isEmpty ? reference : "\(reference)：" + parts.joined(separator: "；")
        if let condition {
            // A condition says more than the words it quotes (whom it
            // concerns): the quoted words, then the profile's own sentence.
            let quoted = Self.statuteWords(condition)
            text += " — " + (quoted == condition ? condition : "\(quoted)（\(condition)）")
        }
        if let note { text += "（\(note)）" }
        return text
    }

    /// The Chinese in a text's brackets ("deletion … (删除所收集的视频图像信息)"
    /// → "删除所收集的视频图像信息"), the bracketed parts joined; the text
    /// itself when it quotes no Chinese.
    static func statuteWords(_ text: String) -> String {
        var quoted: [String] = []
        var depth = 0
        var current = ""
        for ch in text {
            if ch == "(" {
                if depth > 0 { current.append(ch) }
                depth += 1
            } else if ch == ")", depth > 0 {
                depth -= 1
                if depth == 0 {
                    if current.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { quoted.append(current) }
                    current = ""
                } else {
                    current.append(ch)
                }
            } else if depth > 0 {
                current.append(ch)
            }
        }
        return quoted.isEmpty ? text : quoted.joined(separator: "；")
    }

    static func partyZh(_ party: String) -> String {
        switch party {
        case "unit": "单位"
        case "individual": "个人"
        case "directly responsible persons": "直接负责的主管人员和其他直接责任人员"
        default: party
        }
    }
}

extension Finding {
    /// Every consequence's summary, the primary one first, ` | `-separated.
    public var consequenceSummary: String { consequences.map(\.summary).joined(separator: " | ") }

    /// The same in `language`.
    public func consequenceSummary(in language: Language) -> String {
        consequences.map { $0.summary(in: language) }.joined(separator: " | ")
    }
}

extension Fine {
    /// "¥10,000–20,000", "up to ¥10,000", "from ¥1,000", or "amount unclear".
    public var yuanRange: String {
        switch (minYuan, maxYuan) {
        case (let lo?, let hi?): "¥\(Self.thousands(lo))–\(Self.thousands(hi))"
        case (nil, let hi?): "up to ¥\(Self.thousands(hi))"
        case (let lo?, nil): "from ¥\(Self.thousands(lo))"
        case (nil, nil): "amount unclear"
        }
    }

    /// The range as the statute writes it: "1万元以上2万元以下", "1万元以下".
    public var yuanRangeZh: String {
        switch (minYuan, maxYuan) {
        case (let lo?, let hi?): "\(Self.yuanZh(lo))以上\(Self.yuanZh(hi))以下"
        case (nil, let hi?): "\(Self.yuanZh(hi))以下"
        case (let lo?, nil): "\(Self.yuanZh(lo))以上"
        case (nil, nil): "数额不明"
        }
    }

    /// 10000 → "1万元", 5000 → "5000元", 15000 → "1.5万元".
    static func yuanZh(_ n: Int) -> String {
        guard n >= 10_000 else { return "\(n)元" }
        let wan = Double(n) / 10_000
        return wan == wan.rounded() ? "\(Int(wan))万元" : "\(DecimalText.trimmed(wan, 2))万元"
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
