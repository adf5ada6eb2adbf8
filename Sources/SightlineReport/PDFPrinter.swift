import Foundation
import SightlineIO
import SightlinePlan

/// Prints HTML to PDF with headless Chromium (`--print-to-pdf`): the
/// browser lays out the drawing set's print CSS (page size, margin boxes
/// with page numbers) and embeds the CJK fonts fontconfig finds, so the
/// PDF's text is searchable. Why Chromium rather than Cairo and Pango is in
/// Documentation/ARCHITECTURE.md.
public enum PDFPrinter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The browsers tried, in order, unless `SIGHTLINE_CHROMIUM` names one.
    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The browser binary, or `nil` when none is installed.
    public static var browser: String? {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["SIGHTLINE_CHROMIUM"], !named.isEmpty { return named }
        return browsers.lazy.compactMap { Executable.find($0, environment: environment) }.first
    }

    /// The PDF of `html` (a self-contained page: no network is needed, and
    /// the page has no script).
    ///
    /// - Throws: ``Failure`` when no browser is installed, it fails, or it
    ///   takes more than `timeout` seconds.
    public static func pdf(html: String, timeout: Double = 120) throws(Failure) -> [UInt8] {
        guard let browser else {
            throw Failure(
                description:
                    "--format pdf prints through headless Chromium, which is not installed (Debian: apt-get install chromium fonts-noto-cjk; or set SIGHTLINE_CHROMIUM to a Chrome binary)"
            )
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("drawing-set.html")
        let output = folder.appendingPathComponent("drawing-set.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw Failure(description: "cannot write a temporary file for the PDF: \(error.localizedDescription)")
        }
        // Its own profile folder (no clash with a browser the user has open);
        // no sandbox, which needs privileges a container or CI runner lacks —
        // the page is Sightline's own, with no script.
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(output.path)", page.absoluteString,
        ]
        let run: ExternalProgram.Outcome
        do { run = try ExternalProgram.run(browser, arguments, timeout: timeout) } catch { throw Failure(description: error.description) }
        if run.timedOut { throw Failure(description: "\(browser) did not finish printing the PDF within \(Int(timeout)) s") }
        guard run.status == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF-".utf8)) else {
            let why = run.lastErrorLine { $0.contains("dbus") } ?? run.status.map { "exit status \($0)" } ?? "killed by a signal"
            throw Failure(description: "\(browser) could not print the PDF: \(why)")
        }
        return [UInt8](data)
    }
}
