internal import CGDAL

/// GDAL's virtual file system: plain paths and archives alike
/// (`/vsizip/venue.zip`), so a folder and its zip are read the same way.
public enum OGRFiles {
    /// Every file under `path`, relative to it, sorted (`VSIReadDirRecursive`).
    public static func list(_ path: String) -> [String] {
        guard OGRDataset.isAvailable, let list = VSIReadDirRecursive(path) else { return [] }
        defer { CSLDestroy(list) }
        var out: [String] = []
        var p = list
        while let entry = p.pointee {
            out.append(String(cString: entry))
            p += 1
        }
        return out.sorted()
    }
}
