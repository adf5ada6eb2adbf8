internal import CGDAL

/// GDAL's virtual file system: plain paths and archives alike
/// (`/vsizip/venue.zip`), so a folder and its zip are read the same way.
public enum OGRFiles {
    /// Every file under `path`, relative to it, sorted (`VSIReadDirRecursive`);
    /// empty when there is none.
    /// - Throws: ``OGRError`` when GDAL cannot be opened.
    public static func list(_ path: String) throws(OGRError) -> [String] {
        try OGRDataset.requireGDAL(for: path)
        guard let list = VSIReadDirRecursive(path) else { return [] }
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
