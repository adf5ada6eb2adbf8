internal import CGDAL
import PlanarGeometry

/// Coordinate reference systems through GDAL's OSR (PROJ underneath).
public enum OGRSpatialReference {
    /// What PROJ knows of an EPSG code.
    public enum Kind: Sendable, Equatable { case geographic, projected, other }

    /// The kind of `EPSG:code`, or `nil` when PROJ does not know it.
    public static func kind(epsg code: Int) -> Kind? {
        withReference(code) { srs in
            if OSRIsGeographic(srs) != 0 { return .geographic }
            if OSRIsProjected(srs) != 0 { return .projected }
            return .other
        }
    }

    /// `points` in `EPSG:code` → WGS 84 longitude/latitude, or `nil` when
    /// PROJ cannot transform them.
    public static func lonLat(epsg code: Int, _ points: [Point2]) -> [Point2]? {
        withReference(code) { source in
            guard let target = OSRNewSpatialReference(nil) else { return nil }
            defer { OSRDestroySpatialReference(target) }
            guard OSRImportFromEPSG(target, 4326) == OGRERR_NONE else { return nil }
            OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER)
            guard let transform = OCTNewCoordinateTransformation(source, target) else { return nil }
            defer { OCTDestroyCoordinateTransformation(transform) }
            var xs = points.map(\.x)
            var ys = points.map(\.y)
            var zs = [Double](repeating: 0, count: points.count)
            let ok = xs.withUnsafeMutableBufferPointer { x in
                ys.withUnsafeMutableBufferPointer { y in
                    zs.withUnsafeMutableBufferPointer { z in
                        OCTTransform(transform, Int32(points.count), x.baseAddress, y.baseAddress, z.baseAddress)
                    }
                }
            }
            guard ok != 0, xs.allSatisfy(\.isFinite), ys.allSatisfy(\.isFinite) else { return nil }
            return zip(xs, ys).map { Point2($0, $1) }
        } ?? nil
    }

    /// `body` on `EPSG:code`; `nil` when PROJ does not know it, or GDAL
    /// (which brings PROJ) cannot be opened.
    private static func withReference<T>(_ code: Int, _ body: (OGRSpatialReferenceH) -> T) -> T? {
        guard OGRDataset.isAvailable else { return nil }
        return OGRDataset.withConfig([:]) {
            guard let srs = OSRNewSpatialReference(nil) else { return nil }
            defer { OSRDestroySpatialReference(srs) }
            guard OSRImportFromEPSG(srs, Int32(code)) == OGRERR_NONE else { return nil }
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
            return body(srs)
        }
    }
}
