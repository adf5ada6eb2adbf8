import SightlinePlan
import SightlineText

/// One installation, one liability: when several findings of one camera
/// about one room carry the same article's consequence (its view and its
/// microphone into the same toilet; a masked view and the audio), the
/// measures and fines are stated on one of them, the most severe (the first
/// in the camera's order among equals), and the others say where, instead
/// of printing Art. 27 ¶1 twice as if it were owed twice.
enum LiabilityOnce {
    /// `findings` (one camera's, in report order) with each repeated
    /// consequence replaced by a note naming the finding that states it.
    ///
    /// - Complexity: O(n) for n findings.
    static func apply(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        // The finding that states each (room, article): the first of the
        // highest severity.
        var holder: [String: Int] = [:]
        for (i, f) in findings.enumerated() {
            guard let zone = f.zoneID else { continue }
            for c in f.consequences where !(c.measures.isEmpty && c.fines.isEmpty) {
                let key = zone + "\u{0}" + c.article
                if let j = holder[key], findings[j].severity <= f.severity { continue }
                holder[key] = i
            }
        }
        var out = findings
        for (i, f) in findings.enumerated() {
            guard let zone = f.zoneID else { continue }
            func once(_ c: Consequence) -> Consequence {
                guard !(c.measures.isEmpty && c.fines.isEmpty), let j = holder[zone + "\u{0}" + c.article], j != i else { return c }
                var stated = Consequence(
                    article: c.article, measures: [], fines: [], condition: nil,
                    note: Language.en.t(.consequenceStatedOnce, findings[j].rule))
                stated.noteZh = Language.zh.t(.consequenceStatedOnce, findings[j].rule)
                return stated
            }
            out[i].consequence = once(f.consequence)
            out[i].furtherConsequences = f.furtherConsequences.map(once)
        }
        return out
    }
}
