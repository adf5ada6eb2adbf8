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

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Whole files written at once, atomically (``AtomicFile``), and bytes
/// written to an open descriptor.
public enum FileWriter {
    /// Writes `bytes` to `path` atomically.
    ///
    /// - Throws: ``FileWriteError`` naming `path` (a folder, a missing
    ///   folder, no permission, a full disk…).
    public static func write(_ bytes: [UInt8], toFile path: String) throws(FileWriteError) {
        let file = try AtomicFile(path: path)
        file.write(bytes)
        try file.commit()
    }

    /// Writes all of `bytes` to an open descriptor, retrying short writes
    /// and interrupted calls.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws(FileWriteError) {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(FileWriteError) in try writeAll(raw, to: fd, name: name) } }
        try result.get()
    }

    /// The same for raw bytes (``AtomicFile`` streams through it).
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, name: String) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: name, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
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
