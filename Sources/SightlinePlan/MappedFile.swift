#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file mapped read-only into memory for passes front to back,
/// whose pages are let go as a pass leaves them (``release(_:)``); and read
/// by parts (``read(_:)``) into memory of its own.
///
/// A streamed check (``PlanIndex``) reads a plan of hundreds of megabytes
/// this way: the bytes are never copied into the process, and the pages of
/// the levels already checked leave its resident memory, so the file's size
/// does not add to the peak.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    /// The file's bytes, valid while the mapping lives.
    public let buffer: UnsafeBufferPointer<UInt8>
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    private let fd: Int32

    /// Maps the regular file at `path`; `nil` when it cannot be opened, is
    /// not a regular file (a pipe, a device, a folder), is empty or larger
    /// than ``PlanDecoder/maxFileBytes``: the caller reads it the ordinary
    /// way, which says what is wrong.
    public init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0, info.st_size <= PlanDecoder.maxFileBytes,
            let base = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED
        else {
            close(fd)
            return nil
        }
        let size = Int(info.st_size)
        self.fd = fd
        self.path = path
        buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        // Read front to back in the first pass: the kernel may read ahead.
        madvise(base, size, MADV_SEQUENTIAL)
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
