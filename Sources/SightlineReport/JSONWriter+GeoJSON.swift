import PlanarGeometry
import SightlineJSON
import SightlinePlan

extension JSONWriter {
    /// A GeoJSON MultiPolygon in the plan's own coordinates and CRS (rings
    /// closed, as RFC 7946 wants).
    mutating func multiPolygon(_ polygons: [PolygonRings], frame: CoordinateFrame, decimals: Int) {
        beginObject()
        field("type", "MultiPolygon")
        key("coordinates")
        beginArray()
        for polygon in polygons {
            beginArray()
            func write(_ ring: [Point2]) {
                guard !ring.isEmpty else { return }
                beginArray()
                // Closed as GeoJSON wants: the first point again at the end.
                for k in 0...ring.count {
                    let q = frame.toPlan(ring[k == ring.count ? 0 : k])
                    inlinePair(q.x, q.y, decimals: decimals)
                }
                endArray()
            }
            write(polygon.shell)
            for hole in polygon.holes { write(hole) }
            endArray()
        }
        endArray()
        endObject()
    }

    /// A GeoJSON Point in the plan's own coordinates.
    mutating func point(_ p: Point2, frame: CoordinateFrame, decimals: Int) {
        let q = frame.toPlan(p)
        beginObject()
        field("type", "Point")
        key("coordinates")
        inlinePair(q.x, q.y, decimals: decimals)
        endObject()
    }

    /// A GeoJSON MultiLineString in the plan's own coordinates.
    mutating func multiLineString(_ lines: [[Point2]], frame: CoordinateFrame, decimals: Int) {
        beginObject()
        field("type", "MultiLineString")
        key("coordinates")
        beginArray()
        for line in lines where line.count >= 2 {
            beginArray()
            for p in line {
                let q = frame.toPlan(p)
                inlinePair(q.x, q.y, decimals: decimals)
            }
            endArray()
        }
        endArray()
        endObject()
    }
}
