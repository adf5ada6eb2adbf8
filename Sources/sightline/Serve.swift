import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import SightlineIO
import SightlinePlan
import SightlineServe

/// `sightline serve`: the live planner in a browser.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the live planner: drag cameras on the plan and see the law's answer as you go.",
        discussion: """
            Serves one page and a JSON API (Documentation/SERVE.md) for one plan file, on 127.0.0.1 unless \
            --host says otherwise. Every change re-checks only the camera changed, against its level's cached \
            scene; Save writes the plan back (only what was edited changes), refusing if the file changed on \
            disk since it was loaded. A drawing (.dxf, IMDF, .osm) is imported on load and saved as a new plan; \
            --new starts an empty plan to trace over a picture (PNG, JPEG, or a PDF page with poppler). Stop with Ctrl+C.
            """)

    @Argument(
        help:
            "The plan file (sightline-plan/1 JSON), or a drawing imported on load (.dxf, an IMDF folder or zip, .osm); with --new, the plan file to create.",
        completion: .file(extensions: ["json", "geojson", "dxf", "osm", "zip"]))
    var plan: String
    @Option(
        help:
            "Where Save writes (default: the plan itself; for a drawing, its name with .json). A file Save would create must not exist yet."
    )
    var saveAs: String?
    @Flag(help: "Start a new, empty plan (one level, metres) to trace over a picture; Save creates the file.")
    var new = false
    @Option(help: "The port to listen on.") var port: Int = 8080
    @Option(help: "The address to bind (127.0.0.1: this machine only).") var host: String = "127.0.0.1"
    @OptionGroup var rulebook: RulebookOptions
    @OptionGroup var language: LanguageOption
    @OptionGroup var drawing: DrawingReadingOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() throws {
        let planner: Planner
        do {
            planner = try Planner(
                file: plan, saveAs: saveAs, new: new, profileOption: rulebook.profile, asOf: rulebook.checkDate, language: language.lang,
                drawing: drawing.drawingOptions())
        } catch {
            printProblems(error.problems)
            throw ExitCode(2)
        }
        let app = Application(
            router: PlannerRouter.make(planner, access: PlannerAccess(host: host, port: port)),
            configuration: .init(address: .hostname(host, port: port), serverName: "sightline"))
        // A plan with problems opens all the same: each is printed here and
        // listed in the page, its features left out of the analysis until repaired.
        if !planner.problemsAtStart.isEmpty { printProblems(planner.problemsAtStart) }
        let saves = planner.file == plan ? "" : "; Save writes \(TerminalText.escaped(planner.file))"
        Console.err("Sightline planner for \(TerminalText.escaped(plan)) at http://\(host):\(port)/\(saves) (Ctrl+C to stop)")
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.message = "\(error)" }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Console.err(TerminalText.escaped("cannot serve on \(host):\(port): \(message)"))
            throw ExitCode(2)
        }
    }
}

/// The server task's error, read after it has finished.
private final class FailureBox: @unchecked Sendable {
    var message: String?
}
