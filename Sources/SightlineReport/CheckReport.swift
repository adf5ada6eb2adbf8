import PlanarGeometry
import SightlineEngine
import SightlineIO
import SightlinePlan
import SightlineRules
import SightlineText

/// Everything a renderer needs about one check, gathered once.
public struct CheckReport: Sendable {
    public var toolVersion: String
    public var profile: Profile
    public var analysis: PlanAnalysis
    public var outcome: RuleOutcome
    public var asOf: CalendarDate
    /// SHA-256 of the plan file's bytes, so a report can be matched to the
    /// exact plan it was made from.
    public var inputSHA256: String
    /// The language people read it in (`--lang`): the text, Markdown and
    /// HTML reports' words and the findings' messages. JSON, GeoJSON, SARIF
    /// and GeoPackage keep English keys and messages for tools.
    public var language: Language = .en
    /// The URI of the rules' documentation (`Documentation/RULES.md`), for
    /// SARIF's `helpUri`; `nil` when it is not known.
    public var rulesDocumentation: String? = nil

    public init(
        toolVersion: String, profile: Profile, analysis: PlanAnalysis, outcome: RuleOutcome, asOf: CalendarDate,
        inputSHA256: String
    ) {
        self.toolVersion = toolVersion
        self.profile = profile
        self.analysis = analysis
        self.outcome = outcome
        self.asOf = asOf
        self.inputSHA256 = inputSHA256
    }

    public var findings: [Finding] { outcome.findings }

    public var plan: Plan { analysis.plan }
    /// Counted, not filtered: a filtered copy of the findings was the
    /// largest allocation of a big building's report.
    public var errorCount: Int { findings.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { findings.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
    /// `fail` when any finding is an error, else `pass`.
    public var verdict: String { errorCount > 0 ? "fail" : "pass" }
}

/// One output format.
public protocol ReportRenderer {
    func render(_ report: CheckReport) -> String
    /// The report as the bytes of a file (UTF-8); the JSON-based renderers
    /// write these directly.
    func renderBytes(_ report: CheckReport) -> [UInt8]
    /// The report's bytes handed to `output` as they are made: the
    /// JSON-based renderers stream (a report is never whole in memory),
    /// the others hand over ``renderBytes(_:)``.
    func write(_ report: CheckReport, to output: ByteOutput)
}

extension ReportRenderer {
    public func renderBytes(_ report: CheckReport) -> [UInt8] { Array(render(report).utf8) }
    public func write(_ report: CheckReport, to output: ByteOutput) { renderBytes(report).withUnsafeBytes { output.write($0) } }
}

/// The report formats, picked by `--format`; an unknown one is refused when
/// the command line is parsed.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, html, geojson, sarif, markdown
    /// A GeoPackage file written through GDAL (``GeoPackageReportWriter``):
    /// a file, not text, so it has no renderer and needs `-o`.
    case gpkg
    /// The drawing set as PDF (``DrawingSetRenderer`` printed by
    /// ``PDFPrinter``): bytes, not text, so it has no renderer either.
    case pdf

    /// The text renderer; `nil` for a format written as a file.
    public var renderer: (any ReportRenderer)? {
        switch self {
        case .text: TextReportRenderer()
        case .json: JSONReportRenderer()
        case .html: HTMLReportRenderer()
        case .geojson: GeoJSONReportRenderer()
        case .sarif: SARIFReportRenderer()
        case .markdown: MarkdownReportRenderer()
        case .gpkg, .pdf: nil
        }
    }
}
