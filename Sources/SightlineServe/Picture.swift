import Foundation
import SightlineIO
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

    /// An uploaded picture: PNG or JPEG as sent, or page `page` (default 1)
    /// of a PDF rasterised on a thread of its own — not the actor's, nor
    /// the cooperative pool's — and abandoned, with `pdftoppm` killed, when
    /// the request's task is cancelled (the client went away).
    ///
    /// - Throws: ``PlannerError`` 415 for anything else, and what
    ///   ``rasterise(pdf:page:dpi:timeout:cancelled:)`` throws.
    static func upload(_ body: [UInt8], page: Int?) async throws(PlannerError) -> Picture {
        guard isPDF(body) else {
            guard let image = Picture(bytes: body) else { throw PlannerError(415, "the upload is not a PNG, JPEG or PDF file") }
            return image
        }
        let abandoned = CancellationFlag()
        let result: Result<Picture, PlannerError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    do throws(PlannerError) {
                        continuation.resume(returning: .success(try rasterise(pdf: body, page: page ?? 1) { abandoned.isSet }))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
            }
        } onCancel: {
            abandoned.set()
        }
        return try result.get()
    }

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

    /// How long `pdftoppm` may take for one page: a page that takes longer
    /// is a hostile or broken PDF (a real A1 sheet at 150 dpi takes ~2 s).
    static let rasterisingTimeout = 30.0

    /// Rasterises page `page` of a PDF at `dpi` with `pdftoppm`, killed (with
    /// anything it started) after `timeout` seconds or when `cancelled`
    /// says the client has gone.
    ///
    /// `tool` is `pdftoppm` as `PATH` finds it (a test names a stand-in).
    ///
    /// - Throws: ``PlannerError`` 415 when poppler is not installed, 400
    ///   when the page does not exist or the PDF does not open, 422 when it
    ///   takes longer than `timeout`.
    static func rasterise(
        pdf: [UInt8], page: Int, dpi: Int = 150, timeout: Double = rasterisingTimeout, tool: String? = Executable.find("pdftoppm"),
        cancelled: () -> Bool = { false }
    ) throws(PlannerError) -> Picture {
        guard let tool else {
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
        let arguments = [
            "-png", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile",
            folder.appendingPathComponent("in.pdf").path, folder.appendingPathComponent("page").path,
        ]
        let run: ExternalProgram.Outcome
        do {
            run = try ExternalProgram.run(tool, arguments, timeout: timeout, cancelled: cancelled)
        } catch {
            throw PlannerError(500, error.description)
        }
        if run.timedOut {
            throw PlannerError(
                422, "the PDF's page \(page) was not rasterised within \(Int(timeout)) s; upload the page as a PNG or JPEG instead")
        }
        if run.cancelled { throw PlannerError(499, "the upload was abandoned") }
        let output = folder.appendingPathComponent("page.png")
        guard run.status == 0, let data = try? Data(contentsOf: output), let picture = Picture(bytes: [UInt8](data))
        else {
            let why = run.lastErrorLine() ?? "no page \(page)"
            throw PlannerError(400, "the PDF's page \(page) could not be rasterised: \(why)")
        }
        return picture
    }
}

/// A flag set once from any thread (a task's cancellation handler) and
/// read from another (the loop waiting for a helper program).
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
