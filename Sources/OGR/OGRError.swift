/// A file GDAL/OGR could not open or read, with GDAL's own message
/// (`CPLGetLastErrorMsg`).
public struct OGRError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}
