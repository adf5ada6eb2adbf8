import SightlineIO

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
        var parts = [Self.shortened(file, 300)]
        if let feature { parts.append("feature \(Self.shortened(feature, 200))") }
        if let property { parts.append(Self.shortened(property, 200)) }
        let head = parts.joined(separator: ": ")
        // One problem, one line, whatever the file, id or value holds; a
        // 100,000-character value is not echoed whole.
        return TerminalText.escaped("\(head): \(severity == .warning ? "warning: " : "")\(Self.shortened(message, 1_000))")
    }

    /// `text`, or its first `limit` characters and how many were left out.
    static func shortened(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return "\(text.prefix(limit))… (\(text.count - limit) more characters)"
    }
}

/// The plan could not be read: every error found, in file order.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]
    /// What the decoder made of the file without the features it refused,
    /// when it got that far: `check` and `serve` look at it for the problems
    /// a later stage would find (an opening on no wall), so a user meets
    /// them all at once rather than pass by pass.
    public var salvaged: Plan? = nil
    public init(_ problems: [PlanProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// "Did you mean" hints by edit distance.
public enum Suggestion {
    /// Words longer than this get no hint: a typo is short, and edit
    /// distance is quadratic (a 100,000-character name took 95 s).
    public static let maxHintLength = 64
    /// Candidates compared at most; beyond, no hint (linear cost kept small).
    public static let maxHintCandidates = 2_000
    /// Candidates listed in a message at most ("… and 9,990 more").
    public static let maxListed = 10

    /// The closest candidate within a third of the word's length, if any.
    ///
    /// Complexity: O(k · m · n) for k candidates of length ≤ n, word length
    /// m, with m ≤ ``maxHintLength`` and k ≤ ``maxHintCandidates``.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        guard word.count <= maxHintLength, candidates.count <= maxHintCandidates else { return nil }
        let lower = word.lowercased()
        let budget = max(2, word.count / 3)
        let scored = candidates.filter { abs($0.count - word.count) <= budget }.map { ($0, distance(lower, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= budget ? best.0 : nil
    }

    /// `` `a`, `b`, `c` ``, or the first ``maxListed`` and "… and N more".
    public static func list(_ candidates: [String]) -> String {
        let shown = candidates.prefix(maxListed).map { "`\($0)`" }.joined(separator: ", ")
        return candidates.count > maxListed ? "\(shown), … and \(candidates.count - maxListed) more" : shown
    }

    /// `expected one of a, b, c (did you mean b?)`.
    public static func expected(_ word: String, oneOf candidates: [String]) -> String {
        let list = list(candidates)
        if let hint = closest(to: word, in: candidates) { return "expected one of \(list); did you mean `\(hint)`?" }
        return "expected one of \(list)"
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
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
