import SightlineIO
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes set aside in an unnamed temporary file and read back by range: a
/// streamed report (``StreamedJSONReport``) keeps every level's findings and
/// cameras here until the summary that precedes them is known, so they are
/// never all in memory.
final class ByteSpool {
    private let fd: Int32
    /// Appended bytes not yet written to the file.
    private var pending: [UInt8] = []
    /// Bytes in the file.
    private var written = 0
    /// The first write's or read's failure; the report is not written then.
    private(set) var failure: FileWriteError?

    /// Creates the file in `$TMPDIR` (else `/tmp`) and unlinks it at once,
    /// so it is gone with the process however it ends.
    init() throws(FileWriteError) {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/sightline-spool-XXXXXX".utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw FileWriteError(path: folder, reason: "cannot make a temporary file: \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        pending.reserveCapacity(1 << 20)
    }

    deinit { close(fd) }

    /// Appends `bytes`; where they lie in the spool.
    func append(_ bytes: [UInt8]) -> Range<Int> {
        let start = written + pending.count
        pending += bytes
        if pending.count >= 1 << 20 { flush() }
        return start..<(start + bytes.count)
    }

    /// The bytes at `range` (as ``append(_:)`` returned it) into `buffer`.
    func read(_ range: Range<Int>, into buffer: inout [UInt8]) {
        flush()
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: range.count))
        var done = 0
        while done < range.count, failure == nil {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if n > 0 {
                done += n
            } else if n < 0, errno == EINTR {
                continue
            } else {
                failure = FileWriteError(path: "temporary file", reason: n == 0 ? "ended early" : String(cString: strerror(errno)))
            }
        }
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        if failure == nil {
            do { try FileWriter.writeAll(pending, to: fd, name: "temporary file") } catch { failure = error }
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
