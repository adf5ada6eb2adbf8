#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file mapped read-only into memory, whose pages can be let go
/// once read (``release(_:)``) and are read again from the file if touched
/// later.
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

    /// Maps the regular file at `path`; `nil` when it cannot be opened, is
    /// not a regular file (a pipe, a device, a folder), is empty or larger
    /// than ``PlanDecoder/maxFileBytes``: the caller reads it the ordinary
    /// way, which says what is wrong.
    public init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0, size <= PlanDecoder.maxFileBytes else { return nil }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        self.path = path
        buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        // Read front to back in the first pass: the kernel may read ahead.
        madvise(base, size, MADV_SEQUENTIAL)
    }

    /// Lets go of the pages that hold `ranges` (in increasing order, a
    /// level's features), one call for each run of pages.
    public func release(_ ranges: [Range<Int>]) {
        var run: Range<Int>?
        for range in ranges {
            if let current = run, range.lowerBound <= current.upperBound + pageSize {
                run = current.lowerBound..<max(current.upperBound, range.upperBound)
            } else {
                if let current = run { release(current) }
                run = range
            }
        }
        if let run { release(run) }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count) }

    /// Lets go of the pages that hold `range`. Their bytes stay readable:
    /// a page touched again is read back from the file (the mapping is
    /// private and never written), so letting go of a page that also holds
    /// bytes still to be read costs a page fault, never a wrong byte.
    public func release(_ range: Range<Int>) {
        guard let base = buffer.baseAddress, !range.isEmpty else { return }
        let start = range.lowerBound / pageSize * pageSize
        let end = min(buffer.count, (range.upperBound + pageSize - 1) / pageSize * pageSize)
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}
