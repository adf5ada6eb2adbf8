internal import CGDAL
import Foundation
import PlanarGeometry

/// A vector dataset opened read-only through GDAL/OGR: DXF, GeoJSON, OSM
/// XML/PBF, CSV, XLSX, GeoPackage, Shapefile, and any of them inside a zip
/// (`/vsizip/archive.zip/path`).
///
/// The only type that touches GDAL's C API besides ``OGRLayer``. Handles are
/// closed in `deinit`; GDAL's messages are caught (never printed) and turned
/// into ``OGRError``s. Configuration options (`DXF_ENCODING`,
/// `DXF_INLINE_BLOCKS`, `OSM_CONFIG_FILE`…) are set thread-locally around the
/// open and every read, so concurrent imports do not see each other's.
public final class OGRDataset {
    let handle: GDALDatasetH
    public let path: String
    private let config: [String: String]

    /// libgdal opened (it is not linked: see `Sources/CGDAL`) and its
    /// drivers registered, once per process; `false` when it is missing.
    private static let registered: Bool = {
        guard sightline_gdal_load() != 0 else { return false }
        GDALAllRegister()
        return true
    }()

    /// Whether GDAL could be opened; GDAL is opened on first use, not at start.
    public static var isAvailable: Bool { registered }

    /// Why GDAL could not be opened (the library and what to install), or
    /// `nil` when it is there.
    public static var unavailableReason: String? { registered ? nil : String(cString: sightline_gdal_error()) }

    /// Throws, naming `path`, when GDAL cannot be opened.
    static func requireGDAL(for path: String) throws(OGRError) {
        if let reason = unavailableReason { throw OGRError(path: path, message: reason) }
    }

    /// Opens `path` for reading vectors.
    ///
    /// - Parameters:
    ///   - drivers: GDAL driver short names allowed (`["DXF"]`); `nil`: any.
    ///   - options: open options (`HEADERS=FORCE` for XLSX…).
    ///   - config: configuration options in force while this dataset is read.
    /// - Throws: ``OGRError`` with GDAL's message when the file is not one
    ///   the drivers read.
    public init(path: String, drivers: [String]? = nil, options: [String: String] = [:], config: [String: String] = [:]) throws(OGRError) {
        try Self.requireGDAL(for: path)
        self.path = path
        self.config = config
        let opened: GDALDatasetH? = Self.withConfig(config) {
            withCStringList(drivers) { driverList in
                withCStringList(options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) { optionList in
                    GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), driverList, optionList, nil)
                }
            }
        }
        guard let opened else {
            throw OGRError(
                path: path, message: Self.lastError ?? "not a file GDAL can read as \(drivers?.joined(separator: " or ") ?? "vector data")")
        }
        handle = opened
    }

    deinit { GDALClose(handle) }

    /// The layers, in the file's order.
    public var layers: [OGRLayer] {
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { i in GDALDatasetGetLayer(handle, i).map { OGRLayer(dataset: self, handle: $0) }
        }
    }

    public func layer(named name: String) -> OGRLayer? {
        GDALDatasetGetLayerByName(handle, name).map { OGRLayer(dataset: self, handle: $0) }
    }

    /// Every feature of every layer in the order the file holds them, by
    /// layer name (`GDALDatasetGetNextFeature`): the only correct way to
    /// read drivers whose layers come from one stream, such as OSM.
    public func recordsByLayer() throws(OGRError) -> [String: [OGRRecord]] {
        let result: Result<[String: [OGRRecord]], OGRError> = reading {
            GDALDatasetResetReading(handle)
            var out: [String: [OGRRecord]] = [:]
            var layer: OGRLayerH?
            while let feature = GDALDatasetGetNextFeature(handle, &layer, nil, nil, nil) {
                defer { OGR_F_Destroy(feature) }
                guard let layer else { continue }
                let wrapped = OGRLayer(dataset: self, handle: layer)
                out[wrapped.name, default: []].append(wrapped.record(feature))
            }
            if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
                return .failure(OGRError(path: path, message: OGRDataset.lastError ?? "read error"))
            }
            return .success(out)
        }
        return try result.get()
    }

    /// Runs `body` with this dataset's configuration options set on the thread.
    func reading<T>(_ body: () throws -> T) rethrows -> T { try Self.withConfig(config, body) }

    static func withConfig<T>(_ config: [String: String], _ body: () throws -> T) rethrows -> T {
        CPLPushErrorHandler(CPLQuietErrorHandler)
        CPLErrorReset()
        var previous: [(String, String?)] = []
        for (key, value) in config {
            previous.append((key, CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }))
            CPLSetThreadLocalConfigOption(key, value)
        }
        defer {
            for (key, value) in previous { CPLSetThreadLocalConfigOption(key, value) }
            CPLPopErrorHandler()
        }
        return try body()
    }

    /// GDAL's last error message on this thread, if any.
    static var lastError: String? {
        guard CPLGetLastErrorType() != CE_None, let message = CPLGetLastErrorMsg() else { return nil }
        var text = String(cString: message)
        // Some drivers prefix their source file and line ("./ogr/…/x.cpp, 379: "): not for users.
        if let r = text.range(of: #"^\S+\.cpp, \d+: "#, options: .regularExpression) { text.removeSubrange(r) }
        return text.isEmpty ? nil : text
    }
}

/// One layer of an ``OGRDataset``; keeps its dataset open.
public final class OGRLayer {
    let dataset: OGRDataset
    let handle: OGRLayerH

    init(dataset: OGRDataset, handle: OGRLayerH) {
        self.dataset = dataset
        self.handle = handle
    }

    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// Every feature, in order, fields and geometry copied into Swift values.
    ///
    /// - Throws: ``OGRError`` when GDAL reports an error while reading (a
    ///   corrupt file often opens and fails part-way).
    public func records() throws(OGRError) -> [OGRRecord] {
        let result: Result<[OGRRecord], OGRError> = dataset.reading {
            OGR_L_ResetReading(handle)
            let definition = OGR_L_GetLayerDefn(handle)
            let count = OGR_FD_GetFieldCount(definition)
            var names: [String] = []
            var types: [OGRFieldType] = []
            for i in 0..<count {
                let field = OGR_FD_GetFieldDefn(definition, i)
                names.append(String(cString: OGR_Fld_GetNameRef(field)))
                types.append(OGR_Fld_GetType(field))
            }
            var out: [OGRRecord] = []
            while let feature = OGR_L_GetNextFeature(handle) {
                defer { OGR_F_Destroy(feature) }
                out.append(record(feature, names: names, types: types))
            }
            if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
                return .failure(OGRError(path: dataset.path, message: OGRDataset.lastError ?? "read error"))
            }
            return .success(out)
        }
        return try result.get()
    }

    /// One feature's fields and geometry as Swift values.
    func record(_ feature: OGRFeatureH, names: [String]? = nil, types: [OGRFieldType]? = nil) -> OGRRecord {
        let definition = OGR_F_GetDefnRef(feature)
        let count = OGR_FD_GetFieldCount(definition)
        var fields: [String: OGRValue] = [:]
        for i in 0..<count where OGR_F_IsFieldSetAndNotNull(feature, i) != 0 {
            let field = OGR_FD_GetFieldDefn(definition, i)
            let name = names?[Int(i)] ?? String(cString: OGR_Fld_GetNameRef(field))
            fields[name] = Self.value(feature, i, types?[Int(i)] ?? OGR_Fld_GetType(field))
        }
        return OGRRecord(fid: Int64(OGR_F_GetFID(feature)), fields: fields, shape: OGR_F_GetGeometryRef(feature).flatMap(Self.shape))
    }

    private static func value(_ f: OGRFeatureH, _ i: Int32, _ type: OGRFieldType) -> OGRValue {
        switch type {
        case OFTInteger, OFTInteger64: return .integer(Int64(OGR_F_GetFieldAsInteger64(f, i)))
        case OFTReal: return .real(OGR_F_GetFieldAsDouble(f, i))
        case OFTStringList:
            var list: [String] = []
            if var p = OGR_F_GetFieldAsStringList(f, i) {
                while let s = p.pointee {
                    list.append(String(cString: s))
                    p += 1
                }
            }
            return .strings(list)
        case OFTRealList:
            var n: Int32 = 0
            guard let p = OGR_F_GetFieldAsDoubleList(f, i, &n) else { return .reals([]) }
            return .reals(Array(UnsafeBufferPointer(start: p, count: Int(n))))
        default: return .string(String(cString: OGR_F_GetFieldAsString(f, i)))
        }
    }

    /// GDAL geometry → ``OGRShape`` (curves are already linearised by the
    /// drivers; `OGR_G_GetLinearGeometry` would do it otherwise).
    static func shape(_ g: OGRGeometryH) -> OGRShape? {
        let flat = OGRwkbGeometryType(rawValue: OGR_GT_Flatten(OGR_G_GetGeometryType(g)).rawValue)
        func points(_ h: OGRGeometryH) -> [Point2] {
            (0..<OGR_G_GetPointCount(h)).map { Point2(OGR_G_GetX(h, $0), OGR_G_GetY(h, $0)) }
        }
        switch flat {
        case wkbPoint: return OGR_G_GetPointCount(g) > 0 ? .point(Point2(OGR_G_GetX(g, 0), OGR_G_GetY(g, 0))) : nil
        case wkbLineString, wkbLinearRing: return .lineString(points(g))
        case wkbPolygon:
            return .polygon((0..<OGR_G_GetGeometryCount(g)).compactMap { OGR_G_GetGeometryRef(g, $0).map(points) })
        case wkbMultiPoint, wkbMultiLineString, wkbMultiPolygon, wkbGeometryCollection:
            return .collection((0..<OGR_G_GetGeometryCount(g)).compactMap { OGR_G_GetGeometryRef(g, $0).flatMap(shape) })
        default:
            // Curves and surfaces: linearise, then read.
            guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else { return nil }
            defer { OGR_G_DestroyGeometry(linear) }
            return OGR_GT_Flatten(OGR_G_GetGeometryType(linear)) == OGR_GT_Flatten(OGR_G_GetGeometryType(g)) ? nil : shape(linear)
        }
    }
}

/// A NULL-terminated C string list for GDAL's `char**` parameters.
func withCStringList<T>(_ strings: [String]?, _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
    guard let strings else { return body(nil) }
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    let list: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
    return list.withUnsafeBufferPointer { body($0.baseAddress) }
}
