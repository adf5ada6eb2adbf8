import ArgumentParser
import Foundation
import SightlineCheck
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineRules
import SightlineText

/// `sightline filing`: the Art. 14 filing record for the county public
/// security organ.
struct Filing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filing",
        abstract: "Print the filing record (unit, address, system location, cameras by type, storage period, due date).")

    @Argument(help: "The plan file.")
    var plan: String

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: SimpleFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var rulebook: RulebookOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let loaded: LoadedPlan
        do { loaded = try LoadedPlan.load(plan, profileOption: rulebook.profile, keepDocument: false, keepSource: false) } catch {
            printProblems(error.problems)
            throw ExitCode(2)
        }
        let record = FilingRecord(plan: loaded.plan, profile: loaded.profile, asOf: rulebook.checkDate)
        let l = language.language(for: loaded)
        let none = l.t(.filingMissingValue)
        if let reason = record.notRequired {
            let article =
                loaded.profile.rules.first { $0.check == .filingOverdue }.flatMap { rule in
                    loaded.profile.articles.first { $0.key == rule.article }?.reference
                } ?? l.t(.filingArticleUnknown)
            switch format {
            case .text:
                let said = l.t(
                    .filingNotRequired, l == .zh ? ArticleReference.zh(article) : article, loaded.plan.metadata.site.placeCategory.rawValue)
                try emit(TerminalText.lines([said] + (l == .zh ? ["  \(reason.zh)"] : ["  \(reason.en)", "  \(reason.zh)"])), to: output)
            case .json:
                var w = JSONWriter()
                w.beginObject()
                w.field("status", record.status.rawValue)
                w.field("article", article)
                w.field("placeCategory", loaded.plan.metadata.site.placeCategory.rawValue)
                w.key("reason")
                w.beginObject()
                w.field("zh", reason.zh)
                w.field("en", reason.en)
                w.endObject()
                w.endObject()
                try emit(w.string + "\n", to: output)
            }
            return
        }
        switch format {
        case .text:
            let cameras = record.camerasByType.map {
                l.t(.filingCameraCount, Phrase.cameraType($0.type).map { l.t($0) } ?? $0.type, String($0.count))
            }
            .joined(separator: l.t(.listSeparator))
            /// A label padded to one column (a CJK character is two columns wide).
            func field(_ label: Phrase) -> String {
                let text = l.t(label)
                let width = text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
                return "  " + text + String(repeating: " ", count: max(1, 17 - width))
            }
            let reason = l == .zh ? record.dueReasonZh : record.dueReason
            var lines = [
                l.t(.filingTitle, l == .zh ? loaded.profile.law.zh : loaded.profile.law.en),
                field(.filingUnit)
                    + (record.operatorName ?? none)
                    + l.t(.aside, Phrase.operatorKind(record.operatorKind.rawValue).map { l.t($0) } ?? record.operatorKind.rawValue)
                    + "\(record.creditCode.map { l.t(.filingCreditCode, $0) } ?? "")",
                field(.filingAddress) + (record.address ?? none),
                field(.filingLocation) + (record.siteName ?? none)
                    + l.t(.filingLevels, record.levels.joined(separator: l.t(.listSeparator))),
                field(.filingCameras) + (cameras.isEmpty ? none : cameras)
                    + (record.microphones > 0 ? l.t(.filingMicrophones, String(record.microphones)) : ""),
                field(.filingStorage) + (record.retentionDays.map { l.t(.filingDays, String($0)) } ?? none),
                field(.filingPutIntoUse) + (record.commissionedOn.map(l.date) ?? none),
                field(.filingDue) + (record.due.map(l.date) ?? l.t(.filingUnknown)) + l.t(.aside, reason),
                field(.filingFiled) + (record.filedOn.map(l.date) ?? l.t(.filingNotYet)) + " — " + record.status.text(in: l),
            ]
            let missing = l == .zh ? record.missingZh : record.missing
            if !missing.isEmpty { lines.append(field(.filingMissing) + missing.joined(separator: l.t(.listSeparator))) }
            try emit(TerminalText.lines(lines), to: output)
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.key("unit")
            w.beginObject()
            w.field("name", record.operatorName)
            w.field("kind", record.operatorKind.rawValue)
            w.field("creditCode", record.creditCode)
            w.endObject()
            w.field("address", record.address)
            w.key("system")
            w.beginObject()
            w.field("site", record.siteName)
            w.key("levels")
            w.beginArray()
            for l in record.levels { w.string(l) }
            w.endArray()
            w.key("cameras")
            w.beginObject()
            for (type, count) in record.camerasByType { w.field(type, count) }
            w.endObject()
            w.field("microphones", record.microphones)
            w.key("retentionDays")
            if let d = record.retentionDays { w.integer(d) } else { w.null() }
            w.field("commissionedOn", record.commissionedOn?.description)
            w.endObject()
            w.field("due", record.due?.description)
            w.field("dueReason", record.dueReason)
            w.field("filedOn", record.filedOn?.description)
            w.field("status", record.status.rawValue)
            w.key("missing")
            w.beginArray()
            for m in record.missing { w.string(m) }
            w.endArray()
            w.endObject()
            try emit(w.string + "\n", to: output)
        }
        if !record.missing.isEmpty || record.status == .overdue || record.status == .filedLate { throw ExitCode(1) }
    }
}
