import Foundation

/// A fresh folder under the system's temporary directory for one test,
/// removed by ``remove()``; plans written there are what CLI tests run on.
public struct ScratchFolder {
    public let url: URL

    public init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-\(label)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes the builder's plan as `name` and returns its path.
    public func write(_ plan: PlanBuilder, _ name: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(plan.json()).write(to: URL(fileURLWithPath: path))
        return path
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
