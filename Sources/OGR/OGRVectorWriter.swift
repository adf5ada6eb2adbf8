internal import CGDAL
import Foundation

/// A vector dataset written through GDAL/OGR (`GPKG`, `ESRI Shapefile`…):
/// typed layers, features from WKT geometry and Swift values, one
/// transaction per dataset. The only writer of GDAL's C API; handles are
/// closed by ``finish()`` or in `deinit`, and GDAL's messages become
/// ``OGRError``s.
public final class OGRVectorWriter {
    /// A field's type as the layer declares it (so an area is a real in
    /// QGIS, not text).
    public enum FieldKind: Sendable { case real, integer, text }
    /// What a field holds for one feature.
    public enum Value: Sendable {
        case real(Double)
        case integer(Int)
        case text(String)
        case null
    }
    /// The geometry type of a layer.
    public enum GeometryKind: Sendable { case point, multiLineString, multiPolygon, none }

    public let path: String
    private var handle: GDALDatasetH?
    private var layers: [String: (handle: OGRLayerH, fields: [String])] = [:]

    /// Creates `path` (replacing it) with `driver`.
    public init(path: String, driver: String = "GPKG") throws(OGRError) {
        try OGRDataset.requireGDAL(for: path)
        self.path = path
        let created: GDALDatasetH? = OGRDataset.withConfig([:]) {
            guard let d = GDALGetDriverByName(driver) else { return nil }
            if FileManager.default.fileExists(atPath: path) { _ = GDALDeleteDataset(d, path) }
            return GDALCreate(d, path, 0, 0, 0, GDT_Unknown, nil)
        }
        guard let created else { throw OGRError(path: path, message: OGRDataset.lastError ?? "cannot create a \(driver) file") }
        handle = created
        GDALDatasetStartTransaction(created, 0)
    }

    deinit { if let handle { GDALClose(handle) } }

    /// Adds a layer. `crs` is anything `OSRSetFromUserInput` reads
    /// (`EPSG:4326`, WKT); `nil` leaves the layer without one.
    public func addLayer(_ name: String, geometry: GeometryKind, crs: String?, fields: [(name: String, kind: FieldKind)]) throws(OGRError) {
        guard let handle else { throw OGRError(path: path, message: "the file is already finished") }
        let type: OGRwkbGeometryType =
            switch geometry {
            case .point: wkbPoint
            case .multiLineString: wkbMultiLineString
            case .multiPolygon: wkbMultiPolygon
            case .none: wkbNone
            }
        let layer: OGRLayerH? = OGRDataset.withConfig([:]) {
            var srs: OGRSpatialReferenceH?
            if let crs, geometry != .none {
                srs = OSRNewSpatialReference(nil)
                OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
                if OSRSetFromUserInput(srs, crs) != OGRERR_NONE {
                    OSRDestroySpatialReference(srs)
                    srs = nil
                }
            }
            defer { if let srs { OSRRelease(srs) } }
            guard let layer = GDALDatasetCreateLayer(handle, name, srs, type, nil) else { return nil }
            for (field, kind) in fields {
                let definition = OGR_Fld_Create(field, kind == .real ? OFTReal : kind == .integer ? OFTInteger64 : OFTString)
                defer { OGR_Fld_Destroy(definition) }
                guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else { return nil }
            }
            return layer
        }
        guard let layer else { throw OGRError(path: path, message: OGRDataset.lastError ?? "cannot create layer \(name)") }
        layers[name] = (layer, fields.map(\.name))
    }

    /// Adds a feature to `layer`: geometry as WKT (`nil` for none), values
    /// in the layer's field order.
    public func add(to layerName: String, wkt: String?, values: [Value]) throws(OGRError) {
        guard let layer = layers[layerName] else { throw OGRError(path: path, message: "no layer \(layerName)") }
        let ok: Bool = OGRDataset.withConfig([:]) {
            guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer.handle)) else { return false }
            defer { OGR_F_Destroy(feature) }
            for (i, value) in values.enumerated() where i < layer.fields.count {
                let index = Int32(i)
                switch value {
                case .real(let d): OGR_F_SetFieldDouble(feature, index, d)
                case .integer(let n): OGR_F_SetFieldInteger64(feature, index, GIntBig(n))
                case .text(let s): OGR_F_SetFieldString(feature, index, s)
                case .null: OGR_F_SetFieldNull(feature, index)
                }
            }
            if let wkt {
                var geometry: OGRGeometryH?
                var cursor: UnsafeMutablePointer<CChar>? = strdup(wkt)
                let start = cursor
                defer { free(start) }
                guard OGR_G_CreateFromWkt(&cursor, nil, &geometry) == OGRERR_NONE, let geometry else { return false }
                OGR_F_SetGeometryDirectly(feature, geometry)
            }
            return OGR_L_CreateFeature(layer.handle, feature) == OGRERR_NONE
        }
        guard ok else { throw OGRError(path: path, message: OGRDataset.lastError ?? "cannot write a feature to \(layerName)") }
    }

    /// Commits and closes the file.
    public func finish() throws(OGRError) {
        guard let handle else { return }
        let committed = GDALDatasetCommitTransaction(handle) == OGRERR_NONE
        GDALClose(handle)
        self.handle = nil
        guard committed else { throw OGRError(path: path, message: OGRDataset.lastError ?? "cannot write the file") }
    }
}
