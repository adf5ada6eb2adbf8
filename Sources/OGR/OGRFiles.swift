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

    /// The bytes of the file at `path` (a plain path or inside an archive,
    /// `/vsizip/venue.zip/unit.geojson`), at most `limit` bytes; `nil` when
    /// it cannot be read or is larger (`VSIIngestFile`).
    /// - Throws: ``OGRError`` when GDAL cannot be opened.
    public static func contents(_ path: String, limit: Int = 256 << 20) throws(OGRError) -> [UInt8]? {
        try OGRDataset.requireGDAL(for: path)
        var buffer: UnsafeMutablePointer<GByte>?
        var size: vsi_l_offset = 0
        let read = OGRDataset.withConfig([:], { VSIIngestFile(nil, path, &buffer, &size, GIntBig(limit)) })
        defer { VSIFree(buffer) }
        guard read != 0, let buffer else { return nil }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}
