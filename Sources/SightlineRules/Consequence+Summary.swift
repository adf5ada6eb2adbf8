import SightlinePlan
import SightlineText

/// One line per consequence for formats that show text (terminal,
/// Markdown, HTML, SARIF and GeoJSON properties): every measure and every
/// fine, never only the first, so no format shows less than the law sets.
extension Consequence {
    /// "Art. 27 ¶1: confiscation …; deletion …; fine, unit: ¥10,000–20,000;
    /// fine, directly responsible persons: ¥5,000–10,000 — condition (note)".
    public var summary: String { summary(in: .en) }

    /// The summary in `language`. In Chinese, each measure and condition in
    /// the statute's own words (the bracketed Chinese the profile quotes with
    /// each), fines as the statute states them ("单位：1万元以上2万元以下"),
    /// the article as Chinese law cites it; the note (Sightline's reading)
    /// stays as the profile writes it.
    public func summary(in l: Language) -> String {
        let words = { (text: String) in l == .zh ? Self.statuteWords(text) : text }
        var parts = measures.map(words)
        for fine in fines {
            var party = Phrase.party(fine.party).map { l.t($0) } ?? fine.party
            if let payer = fine.payer { party += l.t(.aside, payer) }
            let note = l == .zh ? (fine.noteZh ?? fine.note.map(words)) : fine.note
            parts.append(l.t(.consequenceFine, party, fine.range(in: l), note.map { l.t(.aside, $0) } ?? ""))
        }
        let reference = l == .zh ? ArticleReference.zh(article) : article
        var text = parts.isEmpty ? reference : l.t(.consequenceHead, reference, parts.joined(separator: l.t(.clauseSeparator)))
        if l == .zh, let conditionZh {
            text += l.t(.consequenceCondition, conditionZh)
        } else if let condition {
            // A condition says more than the words it quotes (whom it
            // concerns): the quoted words, then the profile's own sentence.
            let quoted = words(condition)
            text += l.t(.consequenceCondition, quoted == condition ? condition : quoted + l.t(.aside, condition))
        }
        if let note = l == .zh ? (noteZh ?? note) : note { text += l.t(.aside, note) }
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
        return quoted.isEmpty ? text : quoted.map(ChinesePunctuation.fullWidth).joined(separator: "；")
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
    public var yuanRange: String { range(in: .en) }

    /// The range as the statute writes it: "1万元以上2万元以下", "1万元以下".
    public var yuanRangeZh: String { range(in: .zh) }

    /// The range in `language`, its amounts in the language's style
    /// (``Language/yuan(_:)``).
    public func range(in l: Language) -> String {
        switch (minYuan, maxYuan) {
        case (let lo?, let hi?): l.t(.fineBetween, l.yuan(lo), l.yuan(hi))
        case (nil, let hi?): l.t(.fineUpTo, l.yuan(hi))
        case (let lo?, nil): l.t(.fineFrom, l.yuan(lo))
        case (nil, nil): l.t(.fineUnclear)
        }
    }
}
