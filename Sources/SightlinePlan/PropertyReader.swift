import SightlineJSON

/// Reads typed properties out of one JSON object, recording a precise
/// ``PlanProblem`` for every value of the wrong type or out of range instead
/// of stopping at the first, so one run lists everything wrong with a plan.
public final class ProblemLog {
    public let file: String
    public private(set) var problems: [PlanProblem] = []
    /// Problems kept of each severity; the rest are counted and summed up
    /// in one last line, so a hostile file cannot make gigabytes of stderr.
    public static let maxKept = 200
    private var dropped: [PlanProblem.Severity: Int] = [:]
    private var kept: [PlanProblem.Severity: Int] = [:]
    public init(file: String) { self.file = file }

    private func add(_ severity: PlanProblem.Severity, _ feature: String?, _ property: String?, _ message: String) {
        if kept[severity, default: 0] < Self.maxKept {
            kept[severity, default: 0] += 1
            problems.append(PlanProblem(severity, file: file, feature: feature, property: property, message: message))
        } else {
            dropped[severity, default: 0] += 1
        }
    }

    public func error(_ feature: String?, _ property: String?, _ message: String) { add(.error, feature, property, message) }

    public func warning(_ feature: String?, _ property: String?, _ message: String) { add(.warning, feature, property, message) }

    private func summary(_ severity: PlanProblem.Severity) -> [PlanProblem] {
        guard let n = dropped[severity], n > 0 else { return [] }
        return [PlanProblem(severity, file: file, message: "… and \(n) more \(severity == .error ? "errors" : "warnings") not shown")]
    }

    /// Another log's problems after this one's, as if logged here: each
    /// kept problem is logged again (this log's limits apply), and the ones
    /// the other dropped are counted as dropped.
    public func append(contentsOf other: ProblemLog) {
        for p in other.problems { add(p.severity, p.feature, p.property, p.message) }
        for (severity, n) in other.dropped { dropped[severity, default: 0] += n }
    }

    /// Counts `count` problems as dropped (logged elsewhere beyond the limit).
    public func drop(_ count: Int, _ severity: PlanProblem.Severity) {
        if count > 0 { dropped[severity, default: 0] += count }
    }

    public var errors: [PlanProblem] { problems.filter { $0.severity == .error } + summary(.error) }
    public var warnings: [PlanProblem] { problems.filter { $0.severity == .warning } + summary(.warning) }
}

public struct PropertyReader {
    public let object: JSONObject
    public let log: ProblemLog
    public let feature: String?
    /// Path prefix such as `properties` or `plan.site`.
    public let path: String

    public init(object: JSONObject, log: ProblemLog, feature: String?, path: String) {
        self.object = object
        self.log = log
        self.feature = feature
        self.path = path
    }

    public func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func has(_ key: String) -> Bool { object[key] != nil && object[key] != .null }

    /// A finite number in `range`, or `default` when absent or null.
    public func number(_ key: String, in range: ClosedRange<Double>? = nil, openLower: Bool = false, what: String = "") -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard let n = value.numberValue else {
            log.error(feature, path(key), "expected a number\(what.isEmpty ? "" : " (\(what))"), found \(value.typeName)")
            return nil
        }
        if let range {
            let low = openLower ? n > range.lowerBound : n >= range.lowerBound
            if !low || n > range.upperBound {
                let lowText = openLower ? "greater than \(fmt(range.lowerBound))" : "at least \(fmt(range.lowerBound))"
                let highText = range.upperBound.isInfinite ? "" : " and at most \(fmt(range.upperBound))"
                log.error(feature, path(key), "expected a number \(lowText)\(highText)\(what.isEmpty ? "" : " (\(what))"), found \(fmt(n))")
                return nil
            }
        }
        return n
    }

    public func string(_ key: String) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let s = value.stringValue else {
            log.error(feature, path(key), "expected a string, found \(value.typeName)")
            return nil
        }
        return s
    }

    public func bool(_ key: String) -> Bool? {
        guard let value = object[key], value != .null else { return nil }
        guard let b = value.boolValue else {
            log.error(feature, path(key), "expected true or false, found \(value.typeName)")
            return nil
        }
        return b
    }

    public func object(_ key: String) -> PropertyReader? {
        guard let value = object[key], value != .null else { return nil }
        guard let o = value.objectValue else {
            log.error(feature, path(key), "expected an object, found \(value.typeName)")
            return nil
        }
        return PropertyReader(object: o, log: log, feature: feature, path: path(key))
    }

    /// One of an enumeration's raw values, with a "did you mean" hint.
    public func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = E(rawValue: text) { return value }
        log.error(feature, path(key), "unknown value `\(text)`: \(Suggestion.expected(text, oneOf: E.allCases.map(\.rawValue)))")
        return nil
    }

    public func date(_ key: String) -> CalendarDate? {
        guard let text = string(key) else { return nil }
        if let date = CalendarDate(iso: text) { return date }
        log.error(feature, path(key), "expected a date as YYYY-MM-DD, found `\(text)`")
        return nil
    }

    /// Warns about members not in `known`, which are most often misspellings.
    ///
    /// `known` is a short list: comparing small ASCII strings directly is
    /// cheaper than hashing them, and this runs for every feature.
    public func warnUnknown(_ known: [String]) {
        for member in object.members where !known.contains(member.key) {
            let hint = Suggestion.closest(to: member.key, in: known.sorted()).map { "; did you mean `\($0)`?" } ?? ""
            log.warning(feature, path(member.key), "unknown property, ignored\(hint)")
        }
    }
}

/// Numbers as people write them: no trailing `.0`.
func fmt(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}
