import Foundation
import SightlineIO
import TestSupport
import XCTest

/// `AtomicFile`: the file it replaces keeps its mode (Save, `fix -o` and
/// `check -o` all write through it), a new file gets what the umask gives,
/// and nothing is left behind when a write is not committed.
final class AtomicFileTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("atomic") }
    override func tearDownWithError() throws { folder.remove() }

    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func testAReplacedFileKeepsItsMode() throws {
        let path = folder.url.appendingPathComponent("plan.json").path
        for kept in [0o600, 0o640, 0o444, 0o755] {
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: kept], ofItemAtPath: path)
            let file = try AtomicFile(path: path)
            file.write(Array("new".utf8))
            try file.commit()
            XCTAssertEqual(try mode(path), kept, String(kept, radix: 8))
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        }
    }

    func testANewFileGetsWhatTheUmaskGives() throws {
        let path = folder.url.appendingPathComponent("new.json").path
        let mask = umask(0o027)
        defer { umask(mask) }
        let file = try AtomicFile(path: path)
        file.write(Array("x".utf8))
        try file.commit()
        XCTAssertEqual(try mode(path), 0o640)
    }

    func testAnUncommittedFileLeavesTheOldOneAndNoTemporary() throws {
        let path = folder.url.appendingPathComponent("kept.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let file = try AtomicFile(path: path)
            file.write(Array("half".utf8))
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url.path), ["kept.json"])
    }
}
