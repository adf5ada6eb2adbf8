import PlanarGeometry
import SightlineJSON

/// A plan file read in one pass for what is plan-wide — metadata, levels,
/// frame, site-wide features, the zone categories used — and where each
/// level's features lie in it, so each level is decoded on its own when it
/// is checked (``levelPlan(_:)``) and let go after.
///
/// A whole decode holds every level's features at once, and a check's peak
/// memory grew with the building (140 MB for a 480-floor hotel); a streamed
/// check holds the index — a few dozen bytes a feature — and one level.
///
/// The index is made only for a plan without errors. At the first problem
/// that is an error it gives up (`nil`), and the caller decodes the plan
/// whole, which reports every problem in its order; the two decodes build
/// the same features, warnings included (``levelPlan(_:)``).
public final class PlanIndex: @unchecked Sendable {
    /// The plan without the features of its levels: metadata, frame,
    /// levels, restricted areas and boundaries.
    public let skeleton: Plan
    /// The zone categories the plan's zones use, on every level.
    public let zoneCategories: Set<ZoneCategory>
    /// The metadata's and the first pass's warnings, which a whole decode
    /// logs before those of any feature it builds.
    public let leadingWarnings: ProblemLog
    /// The warnings of building the site-wide features, by feature.
    public let siteWarnings: [FeatureProblem]

    /// Where one feature of a level lies in the file, and its index in
    /// `features`: twelve bytes, as a plan file is at most
    /// ``PlanDecoder/maxFileBytes``.
    struct Span: Equatable {
        private var start: UInt32
        private var length: UInt32
        private var place: UInt32

        init(range: Range<Int>, index: Int) {
            start = UInt32(range.lowerBound)
            length = UInt32(range.count)
            place = UInt32(index)
        }

        var range: Range<Int> { Int(start)..<(Int(start) + Int(length)) }
        var index: Int { Int(place) }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Reads byte ranges of the file into memory of their own, and says
    /// where each lies in it (``MappedFile/read(_:)``); `nil` when the file
    /// cannot be read.
    public typealias Reader = ([Range<Int>]) -> (bytes: [UInt8], ranges: [Range<Int>])?

    /// Reads a level's features, rather than `bytes`.
    private let reader: Reader?
    /// Each level's features, in file order, by the level's place in
    /// ``Plan/levels``.
    private let spans: [[Span]]
    private let vocabulary: [ZoneCategory]

    private init(
        skeleton: Plan, zoneCategories: Set<ZoneCategory>, leadingWarnings: ProblemLog,
        siteWarnings: [FeatureProblem], bytes: UnsafeBufferPointer<UInt8>,
        reader: Reader?, spans: [[Span]], vocabulary: [ZoneCategory]
    ) {
        self.reader = reader
        self.skeleton = skeleton
        self.zoneCategories = zoneCategories
        self.leadingWarnings = leadingWarnings
        self.siteWarnings = siteWarnings
        self.bytes = bytes
        self.spans = spans
        self.vocabulary = vocabulary
    }

    /// Indexes the plan in `bytes` (which must outlive the index), or `nil`
    /// when it has an error: decode it whole then (``PlanDecoder``), which
    /// says what is wrong.
    ///
    /// - Parameters:
    ///   - release: called with stretches of `bytes` read and not needed
    ///     again (a mapped file lets go of their pages).
    ///   - reader: reads a level's features anew when it is decoded (a
    ///     mapped file's ``MappedFile/read(_:)``); without it they are
    ///     parsed from `bytes`.
    ///
    /// Complexity: O(n) in the file's size; memory about 30 bytes a
    /// feature (where its text lies, a hash of its id) besides the
    /// site-wide features.
    public static func make(
        bytes: UnsafeBufferPointer<UInt8>, file: String, extraCategories: (String?) -> [ZoneCategory] = { _ in [] },
        crsResolver: CRSResolver? = nil, release: @escaping (Range<Int>) -> Void = { _ in },
        reader: Reader? = nil
    ) -> PlanIndex? {
        /// A first pass without errors, and the document's top read.
        func read(_ pass: FirstPass?) -> (FirstPass, PlanDecoder.Preamble)? {
            guard let pass, !pass.repeatedID, pass.log.errors.isEmpty,
                let preamble = PlanDecoder.readPreamble(pass.root, log: pass.log, extraCategories: extraCategories)
            else { return nil }
            return (pass, preamble)
        }
        let pass = FirstPass.skimming(bytes, file: file, release: release) ?? FirstPass.parsing(bytes, file: file, release: release)
        guard var (first, preamble) = read(pass) else { return nil }
        // Only a local plan's frame is settled without the positions'
        // bounds, which the skimmer does not read.
        if first.skimmed, preamble.metadata.crs != .local {
            guard let parsed = read(FirstPass.parsing(bytes, file: file, release: release)) else { return nil }
            (first, preamble) = parsed
        }
        let log = first.log

        let levels = PlanDecoder.planLevels(declared: preamble.declaredLevels, named: first.levelNames)
        var levelIndex: [String: Int] = [:]
        for (i, level) in levels.enumerated() { levelIndex[level.id] = i }
        var spans = [[Span]](repeating: [], count: levels.count)
        for (slot, name) in first.levelNames.enumerated() {
            guard let i = levelIndex[name] else { return nil }
            swap(&spans[i], &first.named[slot])
        }
        if !first.unnamed.isEmpty {
            // Only a plan of one level may leave features' levels unsaid.
            guard levels.count == 1 else { return nil }
            spans[0] = (spans[0] + first.unnamed).sorted { $0.index < $1.index }
        }

        PlanDecoder.resolveBackgrounds(&preamble.metadata.backgrounds, levels: levels, log: log)
        guard
            let frame = PlanDecoder.makeFrame(&preamble.metadata, raws: first.siteRaws, box: first.box, log: log, resolver: crsResolver),
            log.errors.isEmpty
        else { return nil }
        var skeleton = Plan(file: file, metadata: preamble.metadata, frame: frame, levels: levels)
        var siteWarnings: [FeatureProblem] = []
        for raw in first.siteRaws {
            guard let problems = build(raw, into: &skeleton, vocabulary: preamble.vocabulary) else { return nil }
            siteWarnings += problems
        }
        return PlanIndex(
            skeleton: skeleton, zoneCategories: Set(first.categories.map { ZoneCategory($0) }),
            leadingWarnings: log, siteWarnings: siteWarnings, bytes: bytes, reader: reader, spans: spans,
            vocabulary: preamble.vocabulary)
    }

    /// The skeleton with the features of level `i` (its place in
    /// ``Plan/levels``) decoded, and their warnings; `nil` when one of them
    /// has an error (decode the plan whole to hear it).
    ///
    /// Each feature is parsed from its text again and built as a whole
    /// decode builds it, so the features, and their warnings, are the same.
    ///
    /// Complexity: O(bytes of the level's features).
    public func levelPlan(_ i: Int) -> (plan: Plan, warnings: [FeatureProblem])? {
        var plan = skeleton
        let level = skeleton.levels[i].id
        var warnings: [FeatureProblem] = []
        let scratch = ProblemLog(file: skeleton.file)
        let levelSpans = spans[i]
        var failed = false
        func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) throws(JSONSyntaxError) {
            try JSONParser.parseEach(bytes, ranges: ranges) { value, k in
                // The feature read whole must be what the first pass
                // filed it as (the skimmer read only parts of it).
                // Reading it may log an error and still give a feature (a
                // `type` other than "Feature").
                guard !failed, var raw = RawFeature.read(value, index: levelSpans[k].index, log: scratch), scratch.problems.isEmpty,
                    raw.needsLevel, raw.level == level || (raw.level == nil && skeleton.levels.count == 1)
                else {
                    failed = true
                    return
                }
                raw.level = level
                guard let problems = Self.build(raw, into: &plan, vocabulary: vocabulary) else {
                    failed = true
                    return
                }
                warnings += problems
            }
        }
        do {
            if let reader {
                guard let copy = reader(levelSpans.map(\.range)) else { return nil }
                try copy.bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parse(buffer, copy.ranges) }
            } else {
                try parse(bytes, levelSpans.map(\.range))
            }
        } catch {
            return nil
        }
        if failed { return nil }
        return (plan, warnings)
    }

    /// Builds one feature into `plan` after checking its positions fit the
    /// frame: its warnings, or `nil` on an error.
    private static func build(_ raw: RawFeature, into plan: inout Plan, vocabulary: [ZoneCategory]) -> [FeatureProblem]? {
        let log = ProblemLog(file: plan.file)
        guard PlanDecoder.positionsFit([raw], frame: plan.frame, crs: plan.metadata.crs, log: log) else { return nil }
        FeatureBuilder(frame: plan.frame, defaults: plan.metadata.defaults, log: log, vocabulary: vocabulary).add(raw, to: &plan)
        // So many warnings that a whole decode would have summed some up:
        // it says which.
        guard log.errors.isEmpty, log.problems.count < ProblemLog.maxKept else { return nil }
        return log.warnings.map { FeatureProblem(featureIndex: raw.index, problem: $0) }
    }
}

/// A problem of one feature, with the feature's place in the file, so the
/// problems of levels decoded apart are put back in file order.
public struct FeatureProblem: Sendable {
    public var featureIndex: Int
    public var problem: PlanProblem
}

/// The warnings of features decoded level by level, put back in the order
/// a whole decode logs them: file order, the first ``ProblemLog/maxKept``
/// kept and the rest counted.
public struct FeatureWarnings: Sendable {
    private var kept: [FeatureProblem] = []
    private var dropped = 0

    public init() {}

    /// Adds warnings of features in file order among themselves (one
    /// level's, say).
    ///
    /// Complexity: O((k + w) log(k + w)) for the k kept and w added.
    public mutating func add(_ warnings: [FeatureProblem]) {
        guard !warnings.isEmpty else { return }
        // A stable sort: a feature's own warnings keep their order.
        kept = (kept + warnings).enumerated().sorted {
            ($0.element.featureIndex, $0.offset) < ($1.element.featureIndex, $1.offset)
        }.map(\.element)
        if kept.count > ProblemLog.maxKept {
            dropped += kept.count - ProblemLog.maxKept
            kept.removeLast(kept.count - ProblemLog.maxKept)
        }
    }

    /// The warnings after `leading` (the metadata's and the first pass's),
    /// as one log holds them.
    public func merged(after leading: ProblemLog) -> [PlanProblem] {
        let log = ProblemLog(file: leading.file)
        log.append(contentsOf: leading)
        for w in kept { log.warning(w.problem.feature, w.problem.property, w.problem.message) }
        log.drop(dropped, .warning)
        return log.warnings
    }
}
