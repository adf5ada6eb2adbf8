internal import CGDAL

/// GDAL's virtual file system: plain paths and archives alike
/// (`/vsizip/venue.zip`), so a folder and its zip are read the same way.
public enum OGRFiles {
    /// Every file under `path`, relative to it, sorted (`VSIReadDirRecursive`);
    /// empty when there is none.
    /// - Throws: ``OGRError`` when GDAL cannot be opened.
    public static func list(_ path: String) throws(OGRError) -> [String] {
        try OGRDataset.requireGDAL(for: path)
        // GDAL's own error lines ("ERROR 3: cpl_unzGetCurrentFileInfo
        // failed" on a damaged zip) are not for users: the caller says what
        // is wrong, in one line.
        guard let list = OGRDataset.withConfig([:], { VSIReadDirRecursive(path) }) else { return [] }
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
