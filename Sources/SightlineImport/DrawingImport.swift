import Foundation
import SightlinePlan

/// How a drawing given to `check`, `serve` or `batch` is read: what `import
/// dxf` takes as options (`--units`, `--map`, `--encoding`), so a drawing that needs them
/// can be checked in one step as well as imported first.
public struct DrawingOptions: Sendable {
    /// The DXF's coordinate unit where `$INSUNITS` is unset or wrong.
    public var units: LengthUnit?
    /// The DXF layer mapping (the built-in one, or a `--map` file's on top of it).
    public var mapping: DXFLayerMapping
    /// The DXF's text encoding where `$DWGCODEPAGE` is missing or wrong.
    public var encoding: String?

    public init(units: LengthUnit? = nil, mapping: DXFLayerMapping = .builtIn, encoding: String? = nil) {
        self.units = units
        self.mapping = mapping
        self.encoding = encoding
    }
}

/// Which importer reads a path `check` is given: a `.dxf` drawing (or a
/// `.dwg`, which the DXF reader refuses by its magic number saying how to
/// get a DXF), an `.osm`/`.osm.pbf` file, an IMDF folder or zip; `nil` for
/// anything else (a plan file).
public enum DrawingImport {
    public static func importer(
        for path: String, options: DrawingOptions = DrawingOptions()
    ) -> ((String) throws(ImportError) -> ImportResult)? {
        let lower = path.lowercased()
        if lower.hasSuffix(".dxf") || lower.hasSuffix(".dwg") {
            return { path throws(ImportError) in
                var importer = DXFImporter()
                importer.units = options.units
                importer.mapping = options.mapping
                importer.encoding = options.encoding
                return try importer.run(path)
            }
        }
        if lower.hasSuffix(".osm") || lower.hasSuffix(".osm.pbf") { return { path throws(ImportError) in try OSMImporter().run(path) } }
        var isFolder: ObjCBool = false
        let isIMDFFolder =
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            && ["manifest.json", "unit.geojson", "unit.json"].contains {
                FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0))
            }
        if isIMDFFolder || lower.hasSuffix(".zip") { return { path throws(ImportError) in try IMDFImporter().run(path) } }
        return nil
    }
}
