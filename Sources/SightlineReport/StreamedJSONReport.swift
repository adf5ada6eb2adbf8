import SightlineEngine
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineRules

/// The JSON report (``JSONReportRenderer``) of a check made level by level:
/// each level's findings and cameras are rendered as the level is checked
/// and set aside in a temporary file (``ByteSpool``), and the report is
/// written once every level is done, because its summary comes first. Its
/// bytes are the whole check's: the same elements, placed in the same order
/// (cameras and their findings in file order, then the other findings by
/// rule and feature).
public final class StreamedJSONReport {
    /// One level's part of the report, rendered (on any thread) by
    /// ``render(_:_:)``.
    public struct Part: Sendable {
        fileprivate var bytes: [UInt8] = []
        /// Runs of `bytes`: each camera's findings, each camera, each other
        /// finding, with what orders them.
        fileprivate var cameraFindings: [(camera: Int, range: Range<Int>)] = []
        fileprivate var cameras: [(camera: Int, range: Range<Int>)] = []
        /// (Their order's `sequence` is set as the part is taken in.)
        fileprivate var others: [(order: FindingOrder, range: Range<Int>)] = []
        fileprivate var counts = Counts()
    }

    /// Findings by severity, and cameras.
    public struct Counts: Sendable {
        public var findings = 0
        public var errors = 0
        public var warnings = 0
        public var cameras = 0

        fileprivate mutating func add(_ other: Counts) {
            findings += other.findings
            errors += other.errors
            warnings += other.warnings
            cameras += other.cameras
        }
    }

    private let renderer: JSONReportRenderer
    private let frame: CoordinateFrame
    private let spool: ByteSpool
    private var cameraFindings: [(camera: Int, range: Range<Int>)] = []
    private var cameras: [(camera: Int, range: Range<Int>)] = []
    private var others: [(order: FindingOrder, range: Range<Int>)] = []
    /// What the parts taken in so far hold.
    public private(set) var counts = Counts()

    /// A report on the plan whose frame is `frame`.
    ///
    /// - Throws: ``FileWriteError`` when no temporary file can be made.
    public init(frame: CoordinateFrame, includeViews: Bool = true) throws(FileWriteError) {
        renderer = JSONReportRenderer(includeViews: includeViews)
        self.frame = frame
        spool = try ByteSpool()
    }

    /// Renders what the rules made of one level (`part`, for `analysis`),
    /// or of the whole plan's paperwork (an analysis with no cameras).
    /// Safe on any thread: it reads only its arguments.
    public func render(_ analysis: PlanAnalysis, _ rules: RulePart) -> Part {
        var part = Part()
        // Elements of the report's arrays, which sit two levels deep.
        var w = JSONWriter(elementsAtDepth: 2)
        func run(_ body: (inout JSONWriter) -> Void) -> Range<Int> {
            let start = w.bytes.count
            w.restartElements()
            body(&w)
            return start..<w.bytes.count
        }
        for (camera, findings) in rules.cameraFindings {
            part.cameraFindings.append((camera, run { w in for f in findings { JSONReportRenderer.writeFinding(&w, f, frame: frame) } }))
            part.counts.count(findings)
        }
        for other in rules.otherFindings {
            part.others.append((other.order(sequence: 0), run { w in JSONReportRenderer.writeFinding(&w, other.finding, frame: frame) }))
            part.counts.count([other.finding])
        }
        for c in analysis.cameras {
            part.cameras.append((c.camera.info.index, run { w in renderer.writeCamera(&w, c, frame: frame) }))
        }
        part.counts.cameras = analysis.cameras.count
        part.bytes = w.takeBytes()
        return part
    }

    /// Takes in a rendered part; parts are taken in level by level, in the
    /// plan's order of levels, and the paperwork's last.
    public func add(_ part: Part) {
        let base = spool.append(part.bytes).lowerBound
        func moved(_ r: Range<Int>) -> Range<Int> { (r.lowerBound + base)..<(r.upperBound + base) }
        for entry in part.cameraFindings { cameraFindings.append((entry.camera, moved(entry.range))) }
        for entry in part.cameras { cameras.append((entry.camera, moved(entry.range))) }
        for var entry in part.others {
            entry.order.sequence = others.count
            others.append((entry.order, moved(entry.range)))
        }
        counts.add(part.counts)
    }

    /// Writes the report to `output`.
    ///
    /// - Parameters:
    ///   - plan: the plan's metadata (a ``PlanIndex/skeleton`` will do).
    ///   - outcome: the account of the law (its findings are not read).
    ///   - warnings: the plan's warnings, then the engine's.
    /// - Throws: ``FileWriteError`` when the temporary file failed.
    public func write(
        to output: ByteOutput, toolVersion: String, plan: Plan, inputSHA256: String, profile: Profile, asOf: CalendarDate,
        outcome: RuleOutcome, warnings: [PlanProblem]
    ) throws(FileWriteError) {
        var w = JSONWriter(streamingTo: output)
        w.beginObject()
        JSONReportRenderer.writeHead(
            &w,
            .init(
                toolVersion: toolVersion, plan: plan, inputSHA256: inputSHA256, profile: profile, asOf: asOf, cameras: counts.cameras,
                findings: counts.findings, errors: counts.errors, warnings: counts.warnings))
        JSONReportRenderer.writeArticles(&w, profile, outcome)
        var buffer: [UInt8] = []
        func place(_ ranges: [Range<Int>]) {
            w.beginArray()
            for range in ranges where !range.isEmpty {
                spool.read(range, into: &buffer)
                buffer.withUnsafeBytes { w.elements($0) }
            }
            w.endArray()
        }
        w.key("findings")
        place(
            cameraFindings.sorted { $0.camera < $1.camera }.map(\.range)
                + others.sorted { $0.order < $1.order }.map(\.range))
        w.key("cameras")
        place(cameras.sorted { $0.camera < $1.camera }.map(\.range))
        JSONReportRenderer.writeWarnings(&w, warnings)
        w.endObject()
        w.finish()
        if let failure = spool.failure { throw failure }
    }
}

extension StreamedJSONReport.Counts {
    fileprivate mutating func count(_ list: [Finding]) {
        for f in list {
            findings += 1
            if f.severity == .error { errors += 1 } else if f.severity == .warning { warnings += 1 }
        }
    }
}
