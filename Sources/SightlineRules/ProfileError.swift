import SightlinePlan

/// A rulebook that cannot be used: an unknown name, a file that is missing
/// or not JSON, or a `sightline-profile/1` document with errors — each
/// problem naming the profile file and the JSON path. Its own type, so a
/// caller can tell a broken rulebook (the whole run stops) from a broken
/// plan (that building is invalid, the rest go on).
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]
    public init(_ problems: [PlanProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
