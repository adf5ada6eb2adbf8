/// One thing wrong (or doubtful) in a plan, located precisely enough for a
/// person to fix it: the file, the feature id, the property, what was expected.
public struct PlanProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    /// The feature's id, or a placeholder such as `features[3]` when it has none;
    /// `nil` for plan-level metadata.
    public var feature: String?
    /// A dotted path to the property, e.g. `properties.category` or `plan.units`.
    public var property: String?
    public var message: String

    public init(_ severity: Severity = .error, file: String, feature: String? = nil, property: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.feature = feature
        self.property = property
        self.message = message
    }

    /// `FILE: feature ID: PROPERTY: MESSAGE`, one line, the shape compilers use.
    public var description: String {
        var parts = [file]
        if let feature { parts.append("feature \(feature)") }
        if let property { parts.append(property) }
        let head = parts.joined(separator: ": ")
        // One problem, one line, whatever the file, id or value holds.
        return TerminalText.escaped("\(head): \(severity == .warning ? "warning: " : "")\(message)")
    }
}

/// The plan could not be read: every error found, in file order.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]
    public init(_ problems: [PlanProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// "Did you mean" hints by edit distance.
public enum Suggestion {
    /// The closest candidate within a third of the word's length, if any.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        let scored = candidates.map { ($0, distance(lower, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// `expected one of a, b, c (did you mean b?)`.
    public static func expected(_ word: String, oneOf candidates: [String]) -> String {
        let list = candidates.map { "`\($0)`" }.joined(separator: ", ")
        if let hint = closest(to: word, in: candidates) { return "expected one of \(list); did you mean `\(hint)`?" }
        return "expected one of \(list)"
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
