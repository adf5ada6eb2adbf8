import Foundation
import SightlinePlan

/// A background picture uploaded to the planner: PNG or JPEG as sent, or a
/// PDF page rasterised to PNG with poppler's `pdftoppm` when it is installed.
/// Only the first bytes and the size header are read here; the picture is
/// drawn by the browser.
struct Picture: Sendable {
    enum Format: String, Sendable {
        case png, jpeg
        var fileExtension: String { self == .png ? "png" : "jpg" }
        var mediaType: String { self == .png ? "image/png" : "image/jpeg" }
    }

    var format: Format
    var bytes: [UInt8]
    var width: Int
    var height: Int

    /// The largest picture accepted (an A1 scan at 300 dpi as PNG is ~30 MB).
    static let maxBytes = 64 << 20

    /// Reads the format and size of a PNG or JPEG; `nil` for anything else
    /// or a header that does not parse.
    init?(bytes: [UInt8]) {
        if let size = Self.pngSize(bytes) {
            format = .png
            (width, height) = size
        } else if let size = Self.jpegSize(bytes) {
            format = .jpeg
            (width, height) = size
        } else {
            return nil
        }
        self.bytes = bytes
    }

    static func isPDF(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("%PDF-".utf8)) }

    private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (at..<at + count).reduce(0) { $0 << 8 | Int(b[$1]) }
    }

    /// PNG: the signature, then the IHDR chunk's width and height.
    private static func pngSize(_ b: [UInt8]) -> (Int, Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard b.count >= 24, b.starts(with: signature), Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
        let w = bigEndian(b, 16, 4)
        let h = bigEndian(b, 20, 4)
        return w > 0 && h > 0 ? (w, h) : nil
    }

    /// JPEG: walks the marker segments to the first start-of-frame (SOF0–15
    /// but DHT, JPG and DAC), whose header holds the height and width.
    ///
    /// - Complexity: O(number of segments before the frame header).
    private static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF {
                i += 1
                continue
            } // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                i += 2
                continue
            }
            let length = bigEndian(b, i + 2, 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let h = bigEndian(b, i + 5, 2)
                let w = bigEndian(b, i + 7, 2)
                return w > 0 && h > 0 ? (w, h) : nil
            }
            i += 2 + length
        }
        return nil
    }

    /// Rasterises page `page` of a PDF at `dpi` with `pdftoppm`.
    ///
    /// - Throws: ``PlannerError`` 415 when poppler is not installed, 400
    ///   when the page does not exist or the PDF does not open.
    static func rasterise(pdf: [UInt8], page: Int, dpi: Int = 150) throws(PlannerError) -> Picture {
        guard let tool = Executable.find("pdftoppm") else {
            throw PlannerError(
                415,
                "a PDF page is rasterised with poppler's pdftoppm, which is not installed (Debian: apt-get install poppler-utils); upload the page as a PNG or JPEG instead"
            )
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(pdf).write(to: folder.appendingPathComponent("in.pdf"))
        } catch {
            throw PlannerError(500, "cannot write a temporary file for the PDF: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [
            "-png", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile",
            folder.appendingPathComponent("in.pdf").path, folder.appendingPathComponent("page").path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw PlannerError(500, "cannot run pdftoppm: \(error.localizedDescription)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let output = folder.appendingPathComponent("page.png")
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output), let picture = Picture(bytes: [UInt8](data))
        else {
            let why = message.split(separator: "\n").first.map(String.init) ?? "no page \(page)"
            throw PlannerError(400, "the PDF's page \(page) could not be rasterised: \(why)")
        }
        return picture
    }
}
