import Foundation

/// Which importer reads a path `check` is given: a `.dxf` drawing, an
/// `.osm`/`.osm.pbf` file, an IMDF folder or zip; `nil` for anything else
/// (a plan file).
public enum DrawingImport {
    public static func importer(for path: String) -> ((String) throws(ImportError) -> ImportResult)? {
        let lower = path.lowercased()
        if lower.hasSuffix(".dxf") { return { path throws(ImportError) in try DXFImporter().run(path) } }
        if lower.hasSuffix(".osm") || lower.hasSuffix(".osm.pbf") { return { path throws(ImportError) in try OSMImporter().run(path) } }
        var isFolder: ObjCBool = false
        let isIMDFFolder =
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            && FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("manifest.json"))
        if isIMDFFolder || lower.hasSuffix(".zip") { return { path throws(ImportError) in try IMDFImporter().run(path) } }
        return nil
    }
}
