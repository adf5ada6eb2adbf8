import Foundation
import SightlinePlan
import SightlineRules

/// The rules' documentation, one section a rule, written from the profiles
/// themselves so it cannot drift from what runs: `Documentation/RULES.md`
/// (all built-in profiles; a test holds the committed file to it) and
/// `sightline rules --format markdown`. SARIF's `helpUri` points into it.
public enum RuleReference {
    /// The Markdown reference of `profiles`, in the order given.
    public static func markdown(_ profiles: [Profile]) -> String {
        var lines = [
            "# Sightline's rules", "",
            "Written by `sightline rules --format markdown` from the built-in profiles (`Profiles/*.json`); "
                + "a test fails when this file and the profiles differ. Each rule quotes the provisions it rests on, "
                + "verbatim, and the consequence the law sets for a unit and for an individual: the installer, the manager of the area or the site's operator, as the article names the party.",
        ]
        for profile in profiles { lines += section(profile) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The anchor of a rule's heading, as GitHub and most Markdown viewers
    /// make it: lower case, letters, digits, `-` and `_` kept, spaces made
    /// `-`, everything else dropped (`cn-2025/art8-view-intrusion` →
    /// `cn-2025art8-view-intrusion`).
    public static func anchor(_ ruleID: String) -> String {
        String(
            ruleID.lowercased().compactMap { c -> Character? in
                if c == " " { return "-" }
                return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
            })
    }

    /// Where a rule is documented: `base` (the document's URI) with the
    /// rule's anchor.
    public static func uri(_ ruleID: String, base: String) -> String { "\(base)#\(anchor(ruleID))" }

    private static func section(_ profile: Profile) -> [String] {
        var lines = ["", "## \(profile.id): \(profile.title)", "", "\(profile.law.zh)", "", "\(profile.law.en)"]
        if let note = profile.note { lines += ["", "> \(note)"] }
        for rule in profile.rules {
            lines += ["", "### \(rule.id)", "", "**\(rule.title)** (\(rule.severity.rawValue)): \(rule.description).", ""]
            for provision in rule.citation.provisions {
                let reference = provision.reference.replacingOccurrences(of: " {item}", with: "")
                let zh = provision.zh.replacingOccurrences(of: "{item.zh}", with: "（区域类别所属的项）")
                let en = provision.en.replacingOccurrences(of: "{item.en}", with: "(the item of the zone's category)")
                lines.append("- \(reference): \(zh)")
                lines.append("  \(en)")
            }
            lines += rule.consequences.compactMap { profile.consequences[$0].map { consequence($0, lead: "Consequence") } }
            if let later = profile.laterLaw, let sameAct = later.sameAct[rule.id] {
                let from = later.from.description
                lines += sameAct.map { consequence($0, lead: "From \(from), the later law for the same act") }
                if sameAct.isEmpty {
                    lines.append("- From \(from): \(later.noneLater?.en ?? "the later law sets no consequence for this act").")
                }
            }
        }
        return lines
    }

    /// One line for a consequence, for a unit and, where it differs, for an individual.
    private static func consequence(_ spec: ConsequenceSpec, lead: String) -> String {
        let unit = spec.resolve(for: .unit).summary
        let individual = spec.resolve(for: .individual).summary
        // Whose kind decides the fine: the installer's, the manager's
        // or the operator's (`liable` in the profile).
        let whose = spec.liable == .operator ? "" : " (fines for the \(spec.liable.rawValue), by its kind)"
        return unit == individual ? "- \(lead)\(whose): \(unit)" : "- \(lead)\(whose) for a unit: \(unit); for an individual: \(individual)"
    }
}
