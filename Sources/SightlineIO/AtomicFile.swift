#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written so that a failure never leaves a half-written one: the
/// bytes go to a temporary file in the same folder as they come, are
/// flushed, and only ``commit()`` renames it over the target (rename(2) is
/// atomic within a file system), so on a full disk whatever was there stays
/// as it was. A device or pipe (`/dev/stdout`, `/dev/null`), which cannot be
/// renamed over, is written through.
///
/// The file that replaces an existing one keeps its permission bits and,
/// where the process may set them, its owner and group: a plan kept 0600
/// stays 0600 after Save, `fix -o` or `check -o`.
///
/// Not committed, the temporary file is removed when the value goes.
public final class AtomicFile: ByteOutput {
    public let path: String
    private var fd: Int32
    /// The mode, owner and group of the file replaced; `nil` for a new file.
    private var replaced: (mode: mode_t, owner: uid_t, group: gid_t)?
    /// The temporary file; `nil` when writing through.
    private var temporary: String?
    private var failure: FileWriteError?
    private var finished = false

    /// Opens a temporary file beside `path` (or `path` itself for a device).
    ///
    /// - Throws: ``FileWriteError`` naming `path`: a folder, a missing
    ///   folder, no permission…
    public init(path: String) throws(FileWriteError) {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw FileWriteError(path: path, reason: "it is a folder; give a file name") }
            if info.st_mode & S_IFMT != S_IFREG {
                fd = open(path, O_WRONLY | O_TRUNC)
                guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
                return
            }
            replaced = (info.st_mode & 0o7777, info.st_uid, info.st_gid)
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).sightline-XXXXXX".utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Appends `bytes`, retrying short writes and interrupted calls; after a
    /// failure, nothing more is written.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !finished else { return }
        do { try FileWriter.writeAll(bytes, to: fd, name: path) } catch { failure = error }
    }

    public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

    /// Flushes the file and renames it over `path`.
    ///
    /// - Throws: the first write's failure, or the flush's or rename's.
    public func commit() throws(FileWriteError) {
        guard !finished else { return }
        finished = true
        func failed(_ code: Int32) -> FileWriteError { FileWriteError(path: path, reason: String(cString: strerror(code))) }
        guard let temporary else {
            close(fd)
            if let failure { throw failure }
            return
        }
        do throws(FileWriteError) {
            if let failure { throw failure }
            guard fsync(fd) == 0 else { throw failed(errno) }
            if let replaced {
                // The file replaced keeps its owner (root may give it back;
                // anyone else keeps their own, silently) and its mode, set
                // after the owner because chown clears set-id bits.
                _ = fchown(fd, replaced.owner, replaced.group)
                fchmod(fd, replaced.mode)
            } else {
                // mkstemp makes the file 0600; give it what a new file would get.
                let mask = umask(0)
                umask(mask)
                fchmod(fd, 0o666 & ~mask)
            }
            guard close(fd) == 0 else { throw failed(errno) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failed(code)
        }
    }

    deinit {
        guard !finished else { return }
        close(fd)
        if let temporary { unlink(temporary) }
    }
}
