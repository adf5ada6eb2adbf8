import SightlineIO
import SightlineJSON
import SightlinePlan

/// What an import made: a `sightline-plan/1` document (the decoder reads it
/// like any plan file) and the summary a user reads to correct the mapping.
public struct ImportResult: Sendable {
    public var document: JSONValue
    /// Lines for stderr: what every source layer became, counts by kind,
    /// what was skipped and why.
    public var summary: [String]

    /// The plan as bytes, deterministic (same input, same bytes).
    public var json: String {
        var w = JSONWriter()
        w.value(document)
        return w.string + "\n"
    }
}

/// A source that cannot be imported: the file, and what is wrong with it.
///
/// One line always: a message quotes what it found in the file (a CSV cell
/// may hold line breaks), so its control characters are escaped here, once,
/// rather than trusted to every importer.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = TerminalText.escaped(message)
    }
    public var description: String { TerminalText.escaped("\(file): \(message)") }
    public var problem: PlanProblem { PlanProblem(file: file, message: message) }
}
