import Foundation
import SightlineJSON
import SightlinePlan

/// Runs the built `sightline` executable from the package root.
public enum CLI {
    /// The package's root folder (this file is Tests/TestSupport/CLI.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle in the build folder.
    public static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test runner is `…/debug/SightlinePackageTests.xctest`.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("sightline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/sightline")
    }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `sightline ARGS…` in the package root and waits.
    public static func run(_ arguments: [String]) throws -> Result {
        try launch(executable, arguments)
    }

    /// Runs a `/bin/sh` script in the package root, with `$SIGHTLINE` the
    /// executable, for redirections (`> /dev/full`, `>&-`) and limits.
    public static func shell(_ script: String) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", "SIGHTLINE='\(executable.path)'; \(script)"])
    }

    /// Where the container installs `Documentation/RULES.md`.
    public static let installedRulesDocumentation = "file:///usr/local/share/doc/sightline/RULES.md"

    /// Runs any program with `arguments` in the package root.
    public static func launch(_ program: URL, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        // English unless a test asks for `--lang zh`: the reports' language
        // otherwise follows LANG, and a C locale means Chinese for cn-2025.
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "en_US.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        // SARIF's helpUri as the container installs it, not this checkout's path.
        environment["SIGHTLINE_RULES_DOC"] = environment["SIGHTLINE_RULES_DOC"] ?? CLI.installedRulesDocumentation
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once, before waiting: a child filling one pipe
        // while the other is read would block forever.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let reading = DispatchGroup()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async(group: reading) { errBox.data = errHandle.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// The first place two JSON documents differ, as a path such as
/// `findings[2].area: 6 ≠ 6.1`, or `nil` when they are equal.
public func firstDifference(_ a: JSONValue, _ b: JSONValue, path: String = "$") -> String? {
    switch (a, b) {
    case (.object(let x), .object(let y)):
        for (key, value) in x.members {
            guard let other = y[key] else { return "\(path).\(key): only in the actual report" }
            if let d = firstDifference(value, other, path: "\(path).\(key)") { return d }
        }
        for key in y.keys where x[key] == nil { return "\(path).\(key): only in the golden file" }
        return nil
    case (.array(let x), .array(let y)):
        for (i, (u, v)) in zip(x, y).enumerated() {
            if let d = firstDifference(u, v, path: "\(path)[\(i)]") { return d }
        }
        return x.count == y.count ? nil : "\(path): \(x.count) entries ≠ \(y.count)"
    default:
        return a == b ? nil : "\(path): \(String(describing: a).prefix(80)) ≠ \(String(describing: b).prefix(80))"
    }
}
