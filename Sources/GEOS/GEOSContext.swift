internal import CGEOS

/// An error GEOS reported, or a geometry GEOS could not build.
public struct GeometryError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "GEOS: \(message)" }
}

/// Collects the last message GEOS sent to a context's error handler.
final class ErrorSink {
    var message: String?
}

/// One GEOS context (`GEOSContextHandle_t`).
///
/// GEOS contexts are not thread-safe, so each unit of parallel work (one level
/// of one plan) creates its own and keeps every geometry made with it on that
/// thread. Geometries hold a strong reference to their context, so the context
/// lives until its last geometry is freed.
///
/// Every call goes through ``check(_:_:)`` which clears the error buffer first
/// and turns a null result plus a message into a ``GeometryError`` (the pattern
/// shapely uses in its `GEOS_*` macros): nothing fails silently.
public final class GEOSContext {
    let handle: OpaquePointer
    private let sink: ErrorSink

    public init() {
        guard let handle = GEOS_init_r() else {
            // Allocation failure inside GEOS: nothing sensible can go on.
            preconditionFailure("GEOS_init_r returned NULL (out of memory)")
        }
        self.handle = handle
        self.sink = ErrorSink()
        let user = Unmanaged.passUnretained(sink).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, user in
                guard let user, let message else { return }
                Unmanaged<ErrorSink>.fromOpaque(user).takeUnretainedValue().message = String(cString: message)
            }, user)
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit { GEOS_finish_r(handle) }

    /// The GEOS library version, e.g. `3.11.1-CAPI-1.17.1`.
    public static var version: String { String(cString: GEOSversion()) }

    /// Runs `body` with a cleared error buffer and throws if it returns `nil`.
    func check<T>(_ what: @autoclosure () -> String, _ body: () -> T?) throws -> T {
        sink.message = nil
        if let value = body() { return value }
        throw GeometryError("\(what()) failed: \(sink.message ?? "no message from GEOS")")
    }

    /// Runs a predicate-style call (returns 0, 1, or 2 on exception).
    func checkBool(_ what: @autoclosure () -> String, _ body: () -> CChar) throws -> Bool {
        sink.message = nil
        let result = body()
        if result == 2 { throw GeometryError("\(what()) failed: \(sink.message ?? "no message from GEOS")") }
        return result == 1
    }

    /// Runs a call that returns a count or an id, and −1 on exception.
    func checkCount(_ what: @autoclosure () -> String, _ body: () -> Int32) throws -> Int32 {
        sink.message = nil
        let result = body()
        if result < 0 { throw GeometryError("\(what()) failed: \(sink.message ?? "no message from GEOS")") }
        return result
    }

    /// Runs a call that returns 1 on success and 0 on exception.
    func checkStatus(_ what: @autoclosure () -> String, _ body: () -> Int32) throws {
        sink.message = nil
        if body() == 0 { throw GeometryError("\(what()) failed: \(sink.message ?? "no message from GEOS")") }
    }
}
