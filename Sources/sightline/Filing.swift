import ArgumentParser
import Foundation
import SightlineCheck
import SightlinePlan
import SightlineRules

/// `sightline filing`: the Art. 14 filing record for the county public
/// security organ.
struct Filing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the filing record (unit, address, system location, cameras by type, storage period, due date).")

    @Argument(help: "The plan file.")
    var plan: String

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: SimpleFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var rulebook: RulebookOptions

    func run() throws {
        let loaded: LoadedPlan
        do { loaded = try LoadedPlan.load(plan, profileOption: rulebook.profile) } catch {
            printProblems(error.problems)
            throw ExitCode(2)
        }
        let record = FilingRecord(plan: loaded.plan, profile: loaded.profile, asOf: rulebook.checkDate)
        let none = "(missing)"
        if let reason = record.notRequired {
            let article = loaded.profile.rules.first { $0.check == .filingOverdue }.flatMap { rule in
                loaded.profile.articles.first { $0.key == rule.article }?.reference
            } ?? "the filing"
            switch format {
            case .text:
                try emit("No filing record: \(article) does not apply to this place (placeCategory \(loaded.plan.metadata.site.placeCategory.rawValue)).\n  \(reason.en)\n  \(reason.zh)\n", to: output)
            case .json:
                var w = JSONWriter()
                w.beginObject()
                w.field("status", record.status)
                w.field("article", article)
                w.field("placeCategory", loaded.plan.metadata.site.placeCategory.rawValue)
                w.key("reason"); w.beginObject(); w.field("zh", reason.zh); w.field("en", reason.en); w.endObject()
                w.endObject()
                try emit(w.string + "\n", to: output)
            }
            return
        }
        switch format {
        case .text:
            let cameras = record.camerasByType.map { "\($0.count) \($0.type)" }.joined(separator: ", ")
            var lines = [
                "Filing record (\(loaded.profile.law.en))",
                "  unit:            \(record.operatorName ?? none) (\(record.operatorKind.rawValue))\(record.creditCode.map { ", credit code \($0)" } ?? "")",
                "  address:         \(record.address ?? none)",
                "  system location: \(record.siteName ?? none); levels \(record.levels.joined(separator: ", "))",
                "  cameras:         \(cameras.isEmpty ? none : cameras)\(record.microphones > 0 ? "; \(record.microphones) with microphones" : "")",
                "  storage period:  \(record.retentionDays.map { "\($0) days" } ?? none)",
                "  put into use:    \(record.commissionedOn?.description ?? none)",
                "  due:             \(record.due?.description ?? "unknown") (\(record.dueReason))",
                "  filed:           \(record.filedOn?.description ?? "not yet") — \(record.status)",
            ]
            if !record.missing.isEmpty { lines.append("  missing:         \(record.missing.joined(separator: ", "))") }
            try emit(TerminalText.lines(lines), to: output)
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.key("unit"); w.beginObject()
            w.field("name", record.operatorName); w.field("kind", record.operatorKind.rawValue); w.field("creditCode", record.creditCode)
            w.endObject()
            w.field("address", record.address)
            w.key("system"); w.beginObject()
            w.field("site", record.siteName)
            w.key("levels"); w.beginArray(); for l in record.levels { w.string(l) }; w.endArray()
            w.key("cameras"); w.beginObject(); for (type, count) in record.camerasByType { w.field(type, count) }; w.endObject()
            w.field("microphones", record.microphones)
            w.key("retentionDays"); if let d = record.retentionDays { w.integer(d) } else { w.null() }
            w.field("commissionedOn", record.commissionedOn?.description)
            w.endObject()
            w.field("due", record.due?.description)
            w.field("dueReason", record.dueReason)
            w.field("filedOn", record.filedOn?.description)
            w.field("status", record.status)
            w.key("missing"); w.beginArray(); for m in record.missing { w.string(m) }; w.endArray()
            w.endObject()
            try emit(w.string + "\n", to: output)
        }
        if !record.missing.isEmpty || record.status == "overdue" || record.status == "filed late" { throw ExitCode(1) }
    }
}
