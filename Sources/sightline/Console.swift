import ArgumentParser
import Foundation
import SightlineIO
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and error through write(2), so a full disk, a closed
/// descriptor or a closed pipe is an error the command reports (exit 2,
/// "cannot write"), never a trap. `FileHandle.write` raises on failure.
enum Console {
    /// Writes everything or says why not.
    ///
    /// - Throws: ``FileWriteError`` with errno's text.
    static func write(_ bytes: [UInt8], fd: Int32) throws(FileWriteError) {
        try FileWriter.writeAll(bytes, to: fd, name: fd == STDOUT_FILENO ? "standard output" : "standard error")
    }

    /// Standard output; a failure is reported on standard error and exits 2.
    static func out(_ data: Data) throws {
        do { try write([UInt8](data), fd: STDOUT_FILENO) } catch { try outputFailed(error) }
    }

    /// Reports a failure to write standard output and exits 2.
    static func outputFailed(_ error: FileWriteError) throws -> Never {
        // A reader that went away (`| head`) needs no message; anything else does.
        if error.reason != String(cString: strerror(EPIPE)) {
            err("sightline: cannot write to standard output: \(error.reason)")
        }
        throw ExitCode(2)
    }

    /// One line (or lines) on standard error. When standard error itself
    /// cannot be written there is no one to tell: the exit status says it.
    static func err(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        do { try write(Array(line.utf8), fd: STDERR_FILENO) } catch { failedStandardError = true }
    }

    /// Text on standard error exactly as given (the progress line's `\r`).
    static func errRaw(_ text: String) {
        do { try write(Array(text.utf8), fd: STDERR_FILENO) } catch { failedStandardError = true }
    }

    /// Set when a message could not be written; `main` then exits 2.
    nonisolated(unsafe) static var failedStandardError = false

    /// Sightline handles EPIPE itself (a closed pipe is a write error like any other).
    static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }
}

/// Standard output as a place a report streams to; the first failure is
/// kept for ``Console/outputFailed(_:)``, and nothing more is written.
final class StandardOutput: ByteOutput {
    private(set) var failure: FileWriteError?

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do { try FileWriter.writeAll(bytes, to: STDOUT_FILENO, name: "standard output") } catch { failure = error }
    }
}
