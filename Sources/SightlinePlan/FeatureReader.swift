import SightlineJSON

/// Pass 1 of decoding, one feature at a time: its id, kind, level and raw
/// geometry (``RawFeature``), and the plan-wide check that ids are unique.
/// It can run while the file is parsed (``JSONParser/parse(_:eachFeature:)``),
/// so each feature's tree is let go as soon as it is read.
final class FeatureReader {
    let log: ProblemLog
    private(set) var raws: [RawFeature] = []
    private var seenIds: [String: Int]

    /// A reader logging into its own log, merged into the plan's later.
    convenience init(file: String) { self.init(log: ProblemLog(file: file), count: 0) }

    init(log: ProblemLog, count: Int) {
        self.log = log
        raws.reserveCapacity(count)
        seenIds = Dictionary(minimumCapacity: count)
    }

    func read(_ value: JSONValue, index: Int) {
        guard let raw = RawFeature.read(value, index: index, log: log) else { return }
        // One hash a feature: insert, and put the first back on a duplicate.
        if let first = seenIds.updateValue(index, forKey: raw.id) {
            seenIds[raw.id] = first
            log.error(raw.id, "id", "duplicate id: features[\(first)] has the same id; ids must be unique within a plan")
        }
        raws.append(raw)
    }

    /// The features read, handed over (not shared, so settling their levels
    /// does not copy them all), and the id table let go.
    func takeRaws() -> [RawFeature] {
        seenIds = [:]
        defer { raws = [] }
        return raws
    }
}
