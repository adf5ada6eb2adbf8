import Foundation
import SightlineIO
import SightlineJSON
import SightlinePlan

/// Summaries of a results database: text for people, JSON for tools, CSV
/// for spreadsheets.
public enum PortfolioReport {
    public enum Format: String, CaseIterable, Sendable { case text, json, csv }

    /// - Returns: the rendered report, and whether any building is invalid
    ///   or has an error finding.
    public static func render(database path: String, format: Format) throws -> (text: String, failing: Bool) {
        let store = try ResultStore(path: path, access: .read)
        var buildings: [BuildingResult] = []
        try store.buildings { buildings.append($0) }
        let failing = buildings.contains(where: \.failsRun)
        switch format {
        case .text: return (text(buildings, path: path), failing)
        case .json: return (json(buildings), failing)
        case .csv: return (csv(buildings), failing)
        }
    }

    private static func text(_ buildings: [BuildingResult], path: String) -> String {
        var lines: [String] = []
        let byStatus = Dictionary(grouping: buildings, by: \.status)
        let count = { (s: BuildingResult.Status) in byStatus[s]?.count ?? 0 }
        lines.append(
            "\(path): \(buildings.count) buildings — \(count(.clean)) clean, \(count(.violations)) with findings, \(count(.invalid)) invalid"
        )
        let findings = buildings.flatMap(\.findings)
        lines.append("\(findings.count) findings (\(findings.filter { $0.severity == "error" }.count) errors)")
        if !findings.isEmpty {
            lines.append("")
            lines.append("findings by rule")
            let byRule = Dictionary(grouping: findings, by: \.rule).map { ($0.key, $0.value.count, Set($0.value.map(\.severity)).sorted()) }
            for (rule, n, severities) in byRule.sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }) {
                lines.append("  \(String(n).leftPadded(6))  \(rule) (\(severities.joined(separator: ", ")))")
            }
        }
        let worst = buildings.filter { $0.errors > 0 }.sorted { ($0.errors, $1.path) > ($1.errors, $0.path) }.prefix(10)
        if !worst.isEmpty {
            lines.append("")
            lines.append("worst buildings")
            for b in worst { lines.append("  \(String(b.errors).leftPadded(6)) errors  \(b.path)") }
        }
        let invalid = buildings.filter { $0.status == .invalid }
        if !invalid.isEmpty {
            lines.append("")
            lines.append("invalid buildings")
            for b in invalid {
                lines.append("  \(b.path)")
                for line in (b.inputError ?? "").split(separator: "\n") { lines.append("    \(line)") }
            }
        }
        return TerminalText.lines(lines)
    }

    private static func json(_ buildings: [BuildingResult]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("summary")
        w.beginObject()
        w.field("buildings", buildings.count)
        for status in ["clean", "violations", "invalid"] { w.field(status, buildings.filter { $0.status.rawValue == status }.count) }
        w.field("findings", buildings.reduce(0) { $0 + $1.findings.count })
        w.endObject()
        w.key("buildings")
        w.beginArray()
        for b in buildings {
            w.beginObject()
            w.field("path", b.path)
            w.field("sha256", b.sha256)
            w.field("status", b.status.rawValue)
            w.field("profile", b.profile)
            w.field("toolVersion", b.toolVersion)
            w.field("asOf", b.asOf)
            w.field("errors", b.errors)
            w.field("warnings", b.warnings)
            w.key("cameras")
            if let c = b.cameras { w.integer(c) } else { w.null() }
            w.field("inputError", b.inputError)
            w.field("seconds", b.seconds, decimals: 4)
            w.key("findings")
            w.beginArray()
            for f in b.findings {
                w.beginObject()
                w.field("rule", f.rule)
                w.field("severity", f.severity)
                w.field("level", f.level)
                w.field("camera", f.camera)
                w.field("zone", f.zone)
                w.key("area")
                if let a = f.area { w.number(a, decimals: 4) } else { w.null() }
                w.field("dori", f.dori)
                w.field("message", f.message)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string + "\n"
    }

    /// One row per finding (a building without findings gets one row with
    /// the finding columns empty), so a pivot table needs no joins. It starts
    /// with a UTF-8 byte-order mark: without one, Excel on Chinese Windows
    /// reads the file as GBK and garbles every Chinese name.
    private static func csv(_ buildings: [BuildingResult]) -> String {
        var out = "\u{FEFF}path,sha256,status,errors,warnings,input_error,rule,severity,level,camera,zone,area_m2,dori\r\n"
        func cell(_ s: String?) -> String { s.map(CSVCell.escaped) ?? "" }
        for b in buildings {
            let head = [cell(b.path), b.sha256, b.status.rawValue, String(b.errors), String(b.warnings), cell(b.inputError)].joined(
                separator: ",")
            if b.findings.isEmpty {
                out += head + ",,,,,,,\r\n"
                continue
            }
            for f in b.findings {
                let area = f.area.map { DecimalText.trimmed($0, 4) } ?? ""
                out +=
                    head + ","
                    + [cell(f.rule), f.severity, cell(f.level), cell(f.camera), cell(f.zone), area, cell(f.dori)].joined(separator: ",")
                    + "\r\n"
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
