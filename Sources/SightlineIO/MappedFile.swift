#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private snapshot of a regular file (``snapshot(of:maxBytes:folder:)``), mapped
/// read-only into memory for passes front to back, whose pages are let go
/// as a pass leaves them (``release(_:)``); and read by parts (``read(_:)``)
/// into memory of its own.
///
/// A streamed check (`PlanIndex`) reads a plan of hundreds of megabytes
/// this way: the bytes are never copied into the process's memory, and the
/// pages of the levels already checked leave its resident memory, so the
/// file's size does not add to the peak. The plan itself is never mapped:
/// another program truncating it would make a read of the lost pages fault
/// (SIGBUS).
public final class MappedFile: @unchecked Sendable {
    public let path: String
    /// The file's bytes, valid while the mapping lives.
    public let buffer: UnsafeBufferPointer<UInt8>
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    private let fd: Int32

    /// Maps `size` bytes of the open file `fd`, which it then owns.
    private init?(fd: Int32, size: Int, path: String) {
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.path = path
        buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        // Read front to back in the first pass: the kernel may read ahead.
        madvise(base, size, MADV_SEQUENTIAL)
    }

    /// The file at `path` changed while it was being read.
    public struct ChangedWhileRead: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String {
            "\(path): the file changed while it was being read (another program is writing it); check it again once it is written"
        }
    }

    /// A private copy of the regular file at `path`, mapped, and the
    /// SHA-256 of exactly the bytes copied: the file is read once with
    /// read(2) (a truncated file gives a short read, never a fault) into an
    /// unnamed temporary file in `folder` that no other program can open,
    /// hashed as it goes. So the report names the digest of the bytes it
    /// checked, whatever happens to the file afterwards; and if the file's
    /// size, modification time or identity change during the copy, it was
    /// being written, and nothing is answered.
    ///
    /// - Returns: `nil` when the file cannot be opened, is not a regular
    ///   file (a pipe, a device, a folder), is empty or larger than
    ///   `maxBytes` (a plan's limit), or when the copy cannot be made (no
    ///   room in `folder`): the caller reads it the ordinary way, which says
    ///   what is wrong.
    /// - Throws: ``ChangedWhileRead`` when the file changed during the copy.
    /// - Complexity: O(file size) time, 1 MiB of memory.
    public static func snapshot(of path: String, maxBytes: Int, folder: String = temporaryFolder()) throws(ChangedWhileRead) -> (
        file: MappedFile, sha256: String
    )? {
        let source = open(path, O_RDONLY)
        guard source >= 0 else { return nil }
        defer { close(source) }
        var before = stat()
        guard fstat(source, &before) == 0, before.st_mode & S_IFMT == S_IFREG, before.st_size > 0,
            before.st_size <= maxBytes
        else { return nil }
        var template = Array("\(folder)/.sightline-snapshot-XXXXXX".utf8CString)
        let copy = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard copy >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let hasher = SHA256.Hasher()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        var failed = false
        chunk.withUnsafeMutableBytes { buffer in
            while true {
                let n = Glibc.read(source, buffer.baseAddress!, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if n == 0 { return }
                let piece = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                hasher.update(piece)
                do { try FileWriter.writeAll(piece, to: copy, name: folder) } catch {
                    failed = true
                    return
                }
                total += n
            }
        }
        var after = stat()
        guard !failed, fstat(source, &after) == 0 else {
            close(copy)
            return nil
        }
        let same =
            total == Int(before.st_size) && after.st_size == before.st_size && after.st_ino == before.st_ino
            && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
        guard same else {
            close(copy)
            throw ChangedWhileRead(path: path)
        }
        guard let mapped = MappedFile(fd: copy, size: total, path: path) else { return nil }
        return (mapped, hasher.finish())
    }

    /// `TMPDIR`, or `/tmp`.
    public static func temporaryFolder() -> String {
        guard let named = getenv("TMPDIR").map({ String(cString: $0) }), !named.isEmpty else { return "/tmp" }
        return named.hasSuffix("/") && named.count > 1 ? String(named.dropLast()) : named
    }

    /// More than the kernel maps around a fault.
    private static let faultAround = 128 << 10

    /// The bytes of `ranges` (increasing, a level's features) read with
    /// pread(2) into one array, and where each range lies in it; `nil` when
    /// the file cannot be read. The mapping is not touched: pages faulted
    /// in for a level, and the pages around them, would stay after the
    /// level is done (a page shared by two levels is faulted in again).
    public func read(_ ranges: [Range<Int>]) -> (bytes: [UInt8], ranges: [Range<Int>])? {
        let total = ranges.reduce(0) { $0 + $1.count }
        var bytes = [UInt8](repeating: 0, count: total)
        var placed: [Range<Int>] = []
        placed.reserveCapacity(ranges.count)
        var at = 0
        let ok = bytes.withUnsafeMutableBytes { out -> Bool in
            // Runs of touching ranges are read at once.
            var k = 0
            while k < ranges.count {
                var end = k + 1
                while end < ranges.count, ranges[end].lowerBound == ranges[end - 1].upperBound { end += 1 }
                let run = ranges[k].lowerBound..<ranges[end - 1].upperBound
                var done = 0
                while done < run.count {
                    let n = pread(fd, out.baseAddress! + at + done, run.count - done, off_t(run.lowerBound + done))
                    if n > 0 {
                        done += n
                    } else if n < 0, errno == EINTR {
                        continue
                    } else {
                        return false
                    }
                }
                for r in ranges[k..<end] { placed.append((at + r.lowerBound - run.lowerBound)..<(at + r.upperBound - run.lowerBound)) }
                at += run.count
                k = end
            }
            return true
        }
        return ok ? (bytes, placed) : nil
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        close(fd)
    }

    /// Lets go of the pages that hold `range`, which a pass front to back
    /// has read, and of those just before it: a page fault maps the pages
    /// around it too (fault-around, 64 KiB), and those behind a pass's
    /// last release would stay. The bytes stay readable: a page touched
    /// again is read back from the file (the mapping is private and never
    /// written), so letting go too much costs a page fault, never a wrong
    /// byte.
    public func release(_ range: Range<Int>) {
        guard let base = buffer.baseAddress, !range.isEmpty else { return }
        let start = max(0, range.lowerBound - Self.faultAround) / pageSize * pageSize
        let end = min(buffer.count, (range.upperBound + pageSize - 1) / pageSize * pageSize)
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}
