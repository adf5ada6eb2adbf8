#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file could not be written: the path and errno's text.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write: \(reason)" }
}

/// Writing files so that a failure never leaves a half-written one: the
/// bytes go to a temporary file in the same folder, are flushed, and only
/// then renamed over the target (rename(2) is atomic within a file system).
/// On a full disk the user's plan stays as it was.
public enum FileWriter {
    /// Writes `bytes` to `path` atomically.
    ///
    /// - Throws: ``FileWriteError`` naming `path` (a folder, a missing
    ///   folder, no permission, a full disk…).
    public static func write(_ bytes: [UInt8], toFile path: String) throws(FileWriteError) {
        func failure(_ code: Int32) -> FileWriteError { FileWriteError(path: path, reason: String(cString: strerror(code))) }
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw FileWriteError(path: path, reason: "it is a folder; give a file name") }
            // Devices and pipes (/dev/stdout, /dev/null) cannot be renamed over: write through.
            if info.st_mode & S_IFMT != S_IFREG { return try writeThrough(bytes, path: path) }
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).sightline-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FileWriteError) {
            try writeAll(bytes, to: fd, name: path)
            guard fsync(fd) == 0 else { throw failure(errno) }
            // mkstemp makes the file 0600; give it what a new file would get.
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
            guard close(fd) == 0 else { throw failure(errno) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(code)
        }
    }

    /// Writes all of `bytes` to an open descriptor, retrying short writes
    /// and interrupted calls.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: name, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    private static func writeThrough(_ bytes: [UInt8], path: String) throws(FileWriteError) {
        let fd = open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, name: path)
    }
}

/// write(2), named apart from ``FileWriter/write(_:toFile:)``.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}
