import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a helper program (poppler's `pdftoppm`, headless Chromium, the IFC
/// reader) so that it can neither hang nor block Sightline:
///
/// - it starts in a process group of its own, and on its time limit, or
///   when the caller gives up (a planner client that disconnected), the
///   whole group is sent SIGTERM and, a grace period later, SIGKILL — a
///   browser that ignores SIGTERM, or children it started, do not outlive it;
/// - its standard error goes to a file, not a pipe, so a program that
///   writes more than a pipe holds (64 KiB) never stalls waiting for a
///   reader; only the last bytes are kept for a message; its standard
///   input and output are `/dev/null` (the helpers write files).
///
/// Why not Foundation's `Process`: it neither starts a process group nor
/// kills one, and its pipes must be drained by hand while waiting.
public enum ExternalProgram {
    /// How a run ended.
    public struct Outcome: Sendable {
        /// The exit status, or `nil` when the program was killed (time limit,
        /// cancellation, or a signal of its own).
        public var status: Int32?
        /// True when the time limit ended it.
        public var timedOut: Bool
        /// True when the caller's `cancelled` ended it.
        public var cancelled: Bool
        /// The last 4 KiB of what it wrote to standard error, decoded as UTF-8.
        public var errorTail: String

        /// The last line of `errorTail` that is not empty and not matched by
        /// `ignoring`, for a one-line message.
        public func lastErrorLine(ignoring skip: (Substring) -> Bool = { _ in false }) -> String? {
            errorTail.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) && !skip($0) }.map(String.init)
        }
    }

    /// The program could not be started at all.
    public struct LaunchFailure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Runs `executable` with `arguments` and waits at most `timeout` seconds.
    ///
    /// - Parameters:
    ///   - grace: seconds between SIGTERM and SIGKILL to the group.
    ///   - cancelled: polled every 20 ms; true ends the program as a time-out does.
    /// - Throws: ``LaunchFailure`` when the program cannot be started.
    public static func run(
        _ executable: String, _ arguments: [String], timeout: Double, grace: Double = 2,
        cancelled: () -> Bool = { false }
    ) throws(LaunchFailure) -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-run-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LaunchFailure(description: "cannot make a temporary folder to run \(executable): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let errPath = folder.appendingPathComponent("stderr").path
        let pid = try spawn(executable, arguments, stderr: errPath)

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var exited = false
        var timedOut = false
        var wasCancelled = false
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) {
                exited = r == pid
                break
            }
            if Date() >= deadline {
                timedOut = true
                break
            }
            if cancelled() {
                wasCancelled = true
                break
            }
            usleep(20_000)
        }
        if !exited {
            exited = terminateGroup(pid, grace: grace, status: &status)
        } else {
            // The leader is gone; children it left in its group go too.
            kill(-pid, SIGKILL)
        }
        let normal = exited && (status & 0x7f) == 0
        let errorBytes = tail(of: errPath, bytes: 4096)
        return Outcome(
            status: normal ? (status >> 8) & 0xff : nil, timedOut: timedOut, cancelled: wasCancelled,
            errorTail: String(decoding: errorBytes, as: UTF8.self))
    }

    /// Starts the program in a new process group (its pid is the group's id).
    private static func spawn(_ executable: String, _ arguments: [String], stderr: String) throws(LaunchFailure)
        -> pid_t
    {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer {
            for arg in argv { free(arg) }
        }
        var pid: pid_t = 0
        let code = argv.withUnsafeBufferPointer { args in
            posix_spawn(&pid, executable, &actions, &attributes, UnsafeMutablePointer(mutating: args.baseAddress!), environ)
        }
        guard code == 0 else { throw LaunchFailure(description: "cannot run \(executable): \(String(cString: strerror(code)))") }
        return pid
    }

    /// SIGTERM to the group, SIGKILL after `grace` seconds, and the leader
    /// reaped; true when it exited by itself within the grace period.
    private static func terminateGroup(_ pid: pid_t, grace: Double, status: inout Int32) -> Bool {
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                kill(-pid, SIGKILL)
                return false
            }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return false
    }

    /// The last `bytes` bytes of a file (all of a shorter one).
    private static func tail(of path: String, bytes: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > UInt64(bytes) ? size - UInt64(bytes) : 0)
        return [UInt8]((try? handle.readToEnd()) ?? Data())
    }
}
