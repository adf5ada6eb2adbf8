import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineRules

/// `--format sarif`: SARIF 2.1.0 for code-review and CI systems. One result
/// per finding; the rules carry their article as help text; the plan file is
/// the artifact (with its SHA-256) and the camera or zone id a logical
/// location.
public struct SARIFReportRenderer: ReportRenderer, JSONDocumentRenderer {
    public init() {}

    private func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    func write(_ report: CheckReport, into w: inout JSONWriter) {
        let rules = report.profile.rules
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }) { a, _ in a }
        Self.beginLog(report.toolVersion, &w)
        w.key("rules")
        w.beginArray()
        for rule in rules {
            w.beginObject()
            w.field("id", rule.id)
            w.field("name", rule.title.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
            Self.text(rule.title, at: "shortDescription", &w)
            Self.text(rule.description, at: "fullDescription", &w)
            let article = rule.citation.reference.replacingOccurrences(of: " {item}", with: "")
            let quote = rule.citation.provisions.map {
                "\($0.reference.replacingOccurrences(of: " {item}", with: "")): \($0.en.replacingOccurrences(of: "{item.en}", with: "(the item for the zone's category)"))"
            }.joined(separator: " ")
            Self.text(quote, at: "help", &w)
            if let base = report.rulesDocumentation { w.field("helpUri", RuleReference.uri(rule.id, base: base)) }
            w.key("defaultConfiguration")
            w.beginObject()
            w.field("level", level(rule.severity))
            w.endObject()
            w.key("properties")
            w.beginObject()
            w.field("article", article)
            w.field("check", rule.check.rawValue)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        let file = report.plan.file
        func artifactLocation() { Self.artifactLocation(file, &w) }
        Self.uriBases(file, &w)
        w.key("artifacts")
        w.beginArray()
        w.beginObject()
        w.key("location")
        w.beginObject()
        artifactLocation()
        w.endObject()
        w.key("hashes")
        w.beginObject()
        w.field("sha-256", report.inputSHA256)
        w.endObject()
        w.endObject()
        w.endArray()
        // The line each camera and zone starts on, for `region.startLine`.
        var lines: [String: Int] = [:]
        let featureLines = report.plan.featureLines
        for camera in report.plan.cameras where camera.info.index < featureLines.count {
            lines["camera/\(camera.id)"] = featureLines[camera.info.index]
        }
        for zone in report.plan.zones where zone.info.index < featureLines.count {
            lines["zone/\(zone.id)"] = featureLines[zone.info.index]
        }
        w.key("results")
        w.beginArray()
        for f in report.findings {
            w.beginObject()
            w.field("ruleId", f.rule)
            if let index = ruleIndex[f.rule] { w.field("ruleIndex", index) }
            w.field("level", level(f.severity))
            Self.text(f.message, at: "message", &w)
            w.key("locations")
            w.beginArray()
            w.beginObject()
            w.key("physicalLocation")
            w.beginObject()
            w.key("artifactLocation")
            w.beginObject()
            artifactLocation()
            w.field("index", 0)
            w.endObject()
            let subject = f.cameraID.map { ("camera", $0) } ?? f.zoneID.map { ("zone", $0) }
            if let (kind, id) = subject, let line = lines["\(kind)/\(id)"] {
                w.key("region")
                w.beginObject()
                w.field("startLine", line)
                w.endObject()
            }
            w.endObject()
            if let (kind, id) = subject {
                w.key("logicalLocations")
                w.beginArray()
                w.beginObject()
                w.field("name", id)
                w.field("fullyQualifiedName", "\(f.level ?? "")/\(kind)/\(id)")
                w.field("kind", "object")
                w.endObject()
                w.endArray()
            }
            w.endObject()
            w.endArray()
            w.key("partialFingerprints")
            w.beginObject()
            w.field("sightlineFinding/v1", "\(f.rule)|\(f.cameraID ?? "")|\(f.zoneID ?? "")")
            w.endObject()
            w.key("properties")
            w.beginObject()
            w.field("camera", f.cameraID)
            w.field("zone", f.zoneID)
            w.field("zoneName", f.zoneName)
            w.field("level", f.level)
            w.key("area")
            if let a = f.area { w.number(a, decimals: 4) } else { w.null() }
            w.field("dori", f.dori)
            w.field("article", f.citation.reference)
            w.field("articleZh", f.citation.zh)
            w.field("articleEn", f.citation.en)
            w.field("consequence", f.consequenceSummary)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("properties")
        w.beginObject()
        w.field("profile", report.profile.id)
        w.field("asOf", report.asOf.description)
        w.field("verdict", report.verdict)
        w.endObject()
        w.endObject()
        w.endArray()
        w.endObject()
    }

    /// A SARIF message object, `"key": {"text": …}`.
    private static func text(_ text: String, at key: String, _ w: inout JSONWriter) {
        w.key(key)
        w.beginObject()
        w.field("text", text)
        w.endObject()
    }

    /// The log up to the driver's properties: schema, version, the one run,
    /// its tool; the caller closes the driver and tool.
    private static func beginLog(_ toolVersion: String, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.field("name", "sightline")
        w.field("version", toolVersion)
        w.field("semanticVersion", toolVersion)
    }

    /// A plan given by a relative path is located relative to WORKDIR, the
    /// folder sightline ran in (as a CI runner's checkout root), which the
    /// consumer supplies; an absolute path is an absolute file URI.
    private static func artifactLocation(_ file: String, _ w: inout JSONWriter) {
        let relative = !file.hasPrefix("/")
        w.field("uri", relative ? uri(file) : "file://" + uri(file))
        if relative { w.field("uriBaseId", "WORKDIR") }
    }

    /// `originalUriBaseIds` for a relative plan path.
    private static func uriBases(_ file: String, _ w: inout JSONWriter) {
        guard !file.hasPrefix("/") else { return }
        w.key("originalUriBaseIds")
        w.beginObject()
        w.key("WORKDIR")
        w.beginObject()
        Self.text("The folder sightline was run in.", at: "description", &w)
        w.endObject()
        w.endObject()
    }

    /// The log of a check that could not read its plan (exit 2): a run
    /// with no results whose invocation failed, each input error a
    /// notification located at the plan file (and the feature's id and
    /// property as a logical location), so a SARIF consumer reads it as a
    /// failed analysis rather than a clean one.
    public static func invalidInput(file: String, problems: [PlanProblem], toolVersion: String) -> String {
        var w = JSONWriter()
        beginLog(toolVersion, &w)
        w.endObject()
        w.endObject()
        uriBases(file, &w)
        w.key("invocations")
        w.beginArray()
        w.beginObject()
        w.field("executionSuccessful", false)
        w.field("exitCode", 2)
        w.key("toolExecutionNotifications")
        w.beginArray()
        for problem in problems {
            w.beginObject()
            w.field("level", problem.severity == .warning ? "warning" : "error")
            Self.text(problem.message, at: "message", &w)
            w.key("locations")
            w.beginArray()
            w.beginObject()
            w.key("physicalLocation")
            w.beginObject()
            w.key("artifactLocation")
            w.beginObject()
            artifactLocation(problem.file.isEmpty ? file : problem.file, &w)
            w.endObject()
            w.endObject()
            let logical = [problem.feature.map { "feature/\($0)" }, problem.property].compactMap { $0 }
            if !logical.isEmpty {
                w.key("logicalLocations")
                w.beginArray()
                w.beginObject()
                w.field("fullyQualifiedName", logical.joined(separator: "/"))
                w.endObject()
                w.endArray()
            }
            w.endObject()
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.key("results")
        w.beginArray()
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.string + "\n"
    }

    /// A path as a SARIF `uri` (RFC 3986 URI reference): unreserved
    /// characters and `/` as they are, every other byte of its UTF-8
    /// percent-encoded, so a space, `#` or `?` in a file name cannot change
    /// what the URI points at.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return out
    }
}
