import Foundation
import TestSupport
import XCTest

/// The command line's manners: hints, standard input, the verdict line,
/// colour only where wanted, drawings it cannot read named as such.
final class CLIConventionTests: XCTestCase {
    func testAMistypedCommandGetsAHint() throws {
        let r = try CLI.run(["chek", "Examples/hotel-floor.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("did you mean `check`?"), r.stderr)
    }

    func testADashReadsThePlanFromStandardInput() throws {
        let r = try CLI.shell("\"$SIGHTLINE\" check - --as-of 2026-01-15 < Examples/hotel-floor.json")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("FAIL: <stdin>"), r.stdout)
    }

    func testWritingToAFileStillPrintsTheVerdict() throws {
        let folder = try ScratchFolder("verdict")
        defer { folder.remove() }
        let out = folder.url.appendingPathComponent("r.json").path
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "json", "-o", out, "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "FAIL: 2 errors, 0 other findings; report written to \(out)\n")
    }

    /// Colour on a terminal (a pseudo-terminal from `script`), none with
    /// NO_COLOR, none into a pipe.
    func testColourOnlyOnATerminalThatWantsIt() throws {
        let command = "\"$SIGHTLINE\" check Examples/hotel-floor.json --as-of 2026-01-15"
        let tty = try CLI.shell("unset NO_COLOR; export SIGHTLINE; script -qc '\(command)' /dev/null")
        XCTAssertTrue(tty.stdout.contains("\u{1B}[1;31mFAIL\u{1B}[0m"), tty.stdout)
        let noColour = try CLI.shell("export SIGHTLINE; NO_COLOR=1 script -qc '\(command)' /dev/null")
        XCTAssertFalse(noColour.stdout.contains("\u{1B}["), noColour.stdout)
        XCTAssertFalse(try CLI.shell(command).stdout.contains("\u{1B}["))
    }

    func testAnIFCModelIsNamedAndPointedAtDXF() throws {
        let folder = try ScratchFolder("ifc")
        defer { folder.remove() }
        let ifc = folder.url.appendingPathComponent("model.ifc").path
        try Data("ISO-10303-21;\n".utf8).write(to: URL(fileURLWithPath: ifc))
        let r = try CLI.run(["check", ifc])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("IFC") && r.stderr.contains("DXF"), r.stderr)
    }

    /// A DWG (its magic number `AC1032`) given to `check`: one line saying
    /// to save it as DXF, exit 2, whether it is named `.dwg` or `.dxf`.
    func testADWGDrawingIsOneLineSayingToSaveItAsDXF() throws {
        let folder = try ScratchFolder("dwg")
        defer { folder.remove() }
        for name in ["floor.dwg", "floor.dxf"] {
            let dwg = folder.url.appendingPathComponent(name).path
            try Data("AC1032\0\0\0\0\0".utf8).write(to: URL(fileURLWithPath: dwg))
            let r = try CLI.run(["check", dwg])
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(
                r.stderr,
                "\(dwg): a DWG drawing (AC1032): Sightline reads DXF; save it as DXF 2007 or later from the CAD program (TArch/天正: export a T3 drawing first, then save that as DXF)\n"
            )
        }
    }
}

/// Every command of the command line names itself, so ArgumentParser does not
/// derive names by reflection at start (32 M instructions; see `Sightline`).
final class CommandNameTests: XCTestCase {
    func testEveryCommandConfigurationNamesItsCommand() throws {
        let folder = CLI.packageRoot.appendingPathComponent("Sources/sightline")
        var configurations = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            for (n, line) in lines.enumerated() where line.contains("CommandConfiguration(") {
                configurations += 1
                XCTAssertTrue(
                    n + 1 < lines.count && lines[n + 1].trimmingCharacters(in: .whitespaces).hasPrefix("commandName:"),
                    "\(file):\(n + 1): a CommandConfiguration without commandName")
            }
        }
        XCTAssertGreaterThanOrEqual(configurations, 20)
        let help = try CLI.run(["import", "--help"])
        XCTAssertTrue(
            help.stdout.contains("dxf") && help.stdout.contains("imdf") && help.stdout.contains("cameras"), "the same names as before")
    }
}
