import Foundation

/// Finding a helper program (Chromium, poppler's tools) the way a shell
/// does: the first executable file of that name in a `PATH` folder.
public enum Executable {
    /// The path of `name`, or `nil` when no `PATH` folder holds it.
    public static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
