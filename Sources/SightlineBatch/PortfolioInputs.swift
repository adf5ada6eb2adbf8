import Foundation

/// One building to check: where to read it, and the key it is known by in
/// results and shards (its path relative to its input root, so every machine
/// agrees whatever the mount point).
public struct PortfolioInput: Sendable, Equatable {
    public var file: String
    public var key: String
}

/// Finds the plans named on the command line.
public enum PortfolioInputs {
    /// A folder (searched recursively for plans and drawings: see
    /// ``planFiles(in:skipped:)``), a plan or drawing file, or `@list.txt`
    /// (one path a line, relative to the list's folder;
    /// blank lines and `#` comments skipped). Sorted by key; duplicates by key
    /// are an error, since results are keyed by it.
    ///
    /// - Parameter skipped: called with each file in a folder that is
    ///   neither a plan nor a drawing (relative to the folder named), so the
    ///   run can say what it did not check.
    public static func collect(_ arguments: [String], skipped: (String) -> Void = { _ in }) throws -> [PortfolioInput] {
        var out: [PortfolioInput] = []
        let fm = FileManager.default
        for argument in arguments {
            if argument.hasPrefix("@") {
                let list = String(argument.dropFirst())
                guard let text = try? String(contentsOfFile: list, encoding: .utf8) else {
                    throw BatchError("\(list): cannot read the list of plans")
                }
                let base = (list as NSString).deletingLastPathComponent
                for raw in text.split(whereSeparator: \.isNewline) {
                    let line = raw.trimmingCharacters(in: .whitespaces)
                    if line.isEmpty || line.hasPrefix("#") { continue }
                    let file = line.hasPrefix("/") || base.isEmpty ? line : (base as NSString).appendingPathComponent(line)
                    out.append(PortfolioInput(file: file, key: line))
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw BatchError("\(argument): no such file or folder")
            }
            if isDirectory.boolValue {
                let folder = argument
                for relative in try planFiles(in: argument, skipped: { skipped((folder as NSString).appendingPathComponent($0)) }) {
                    out.append(PortfolioInput(file: (argument as NSString).appendingPathComponent(relative), key: relative))
                }
            } else {
                out.append(PortfolioInput(file: argument, key: (argument as NSString).lastPathComponent))
            }
        }
        out.sort { $0.key < $1.key }
        for (a, b) in zip(out, out.dropFirst()) where a.key == b.key {
            throw BatchError(
                "two inputs share the key `\(a.key)` (\(a.file) and \(b.file)); results are keyed by the path within its input")
        }
        return out
    }
}

/// The buildings under `root`, as paths relative to it, sorted: plan files
/// (`*.json`, `*.geojson`) and the drawings `check` imports (`*.dxf`,
/// `*.osm`, `*.osm.pbf`, an IMDF `*.zip`, and an IMDF folder — one holding
/// `manifest.json` — as one building, its GeoJSON files not as plans of
/// their own). Every other file is passed to `skipped`, with hidden files
/// (`.name`) passed over silently.
///
/// Symbolic links to folders are followed (portfolios are
/// often assembled from links); a folder reached twice, by a link loop or a
/// second link to it, is walked once, so no building is counted twice and
/// no loop runs forever.
///
/// Complexity: O(entries); one stat(2) per entry.
func planFiles(in root: String, skipped: (String) -> Void = { _ in }) throws -> [String] {
    var visited = Set<[UInt64]>()
    var out: [String] = []
    func walk(_ folder: String, _ prefix: String) throws {
        var info = stat()
        guard stat(folder, &info) == 0 else { throw BatchError("\(folder): cannot list the folder: \(String(cString: strerror(errno)))") }
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw BatchError("\(folder): cannot list the folder")
        }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var entry = stat()
            guard stat(path, &entry) == 0 else { continue } // a dangling link
            let lower = name.lowercased()
            if entry.st_mode & S_IFMT == S_IFDIR {
                if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("manifest.json")) {
                    out.append(relative) // an IMDF venue
                } else {
                    try walk(path, relative)
                }
            } else if buildingSuffixes.contains(where: { lower.hasSuffix($0) }) {
                out.append(relative)
            } else if !name.hasPrefix(".") {
                skipped(relative)
            }
        }
    }
    try walk(root, "")
    return out
}

/// The endings of the files a portfolio folder's walk takes as buildings.
let buildingSuffixes = [".json", ".geojson", ".dxf", ".osm", ".osm.pbf", ".zip"]

/// A command-line or input problem in a batch run (exit 2).
public struct BatchError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
