import PlanarGeometry
import SightlinePlan

/// Well-known text of plan geometry in an output frame (the plan's own, or
/// its georeference's), as GDAL reads it: what the GeoPackage writers hand
/// to OGR. Rings are closed here (the model keeps them open).
public struct WKTText: Sendable {
    public let frame: CoordinateFrame
    public init(frame: CoordinateFrame) { self.frame = frame }

    private func xy(_ p: Point2) -> String {
        let q = frame.toPlan(p)
        return "\(q.x) \(q.y)"
    }

    public func point(_ p: Point2) -> String { "POINT (\(xy(p)))" }

    /// `nil` for no polygons (an empty MULTIPOLYGON is not worth a feature).
    public func multiPolygon(_ polygons: [PolygonRings]) -> String? {
        let parts = polygons.map { polygon in
            "("
                + ([polygon.shell] + polygon.holes).map { ring in "(" + (ring + ring.prefix(1)).map(xy).joined(separator: ", ") + ")" }
                .joined(separator: ", ") + ")"
        }
        return parts.isEmpty ? nil : "MULTIPOLYGON (" + parts.joined(separator: ", ") + ")"
    }

    /// `nil` when no line has two points.
    public func multiLineString(_ lines: [[Point2]]) -> String? {
        let parts = lines.filter { $0.count >= 2 }.map { "(" + $0.map(xy).joined(separator: ", ") + ")" }
        return parts.isEmpty ? nil : "MULTILINESTRING (" + parts.joined(separator: ", ") + ")"
    }
}
