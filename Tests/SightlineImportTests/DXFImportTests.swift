import Foundation
import OGR
import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

@testable import SightlineImport

/// The TArch-style floor in `Fixtures/import/tarch-floor.dxf` (made by
/// `Fixtures/import/make-fixtures.py`, whose docstring draws it): what the
/// import must make of it, derived from the drawing.
final class DXFImportTests: XCTestCase {
    private let path = CLI.packageRoot.appendingPathComponent("Fixtures/import/tarch-floor.dxf").path

    private func imported() throws -> (ImportResult, Plan) {
        let result = try DXFImporter().run(path)
        return (result, try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "imported.json"))
    }

    func testLayersBecomeWallsRoomsDoorsWindowsAndCameras() throws {
        let (result, plan) = try imported()
        XCTAssertEqual(plan.metadata.units, .mm, "$INSUNITS 4")
        // Four SPACE outlines, categories from their Chinese labels, labels kept as names.
        XCTAssertEqual(plan.zones.map(\.category.rawValue), ["corridor", "lobby", "toilet", "guest_room"])
        XCTAssertEqual(plan.zones.map(\.name), ["走廊", "大堂", "卫生间", "客房 8301"])
        // 2 outline faces + 6 corridor-wall pieces + 4 jamb caps + 4 partition faces = 16 lines,
        // the column, and one wall across each door and window gap.
        XCTAssertEqual(plan.walls.count, 16 + 1 + 1 + 1)
        XCTAssertEqual(plan.openings.map(\.type), [.door, .window])
        XCTAssertEqual(plan.openings[0].state, .closed, "a DOOR_FIRE door is closed by the built-in mapping")
        // The door M0921 is 900 mm wide, centred on the insert (9500, 2000) along its 0° rotation.
        if case .line(let ends) = plan.openings[0].shape {
            XCTAssertEqual(ends[0].x, 9.05, accuracy: 1e-9)
            XCTAssertEqual(ends[1].x, 9.95, accuracy: 1e-9)
            XCTAssertEqual(ends.map(\.y), [2.0, 2.0])
        } else {
            XCTFail("the door is a line across the gap")
        }
        // Cameras: ids from 编号, heights from 安装高度 (mm → m), tilt 俯角, field 水平视角,
        // heading = 90° − CAD rotation.
        XCTAssertEqual(plan.cameras.map(\.id), ["CAM-01", "CAM-02"])
        XCTAssertEqual(plan.cameras.map(\.heading), [90, 0])
        XCTAssertEqual(plan.cameras.map(\.mountHeight), [2.8, 2.6])
        XCTAssertEqual(plan.cameras.map(\.tilt), [15, 10])
        XCTAssertEqual(plan.cameras.map(\.hfov), [90, 60])
        XCTAssertEqual(plan.cameras[0].position, Point2(2, 1))
        // The summary names every layer; text on a layer with no role (a
        // dimension note) is read as a label, whatever its layer.
        XCTAssertTrue(result.summary.contains("  layer EQUIP-安防 → 2 cameras"), "\(result.summary)")
        XCTAssertTrue(result.summary.contains("  layer DIM_LEAD → 1 labels"), "\(result.summary)")
        XCTAssertEqual(plan.warnings.map(\.message), [], "the imported plan decodes without a warning")
    }

    func testImportIsDeterministic() throws {
        XCTAssertEqual(try DXFImporter().run(path).json, try DXFImporter().run(path).json)
    }

    func testCADRotationBecomesAHeading() {
        XCTAssertEqual(DXFImporter.heading(fromCADRotation: 0), 90)
        XCTAssertEqual(DXFImporter.heading(fromCADRotation: 90), 0)
        XCTAssertEqual(DXFImporter.heading(fromCADRotation: 180), 270)
        XCTAssertEqual(DXFImporter.heading(fromCADRotation: -90), 180)
        XCTAssertEqual(DXFImporter.heading(fromCADRotation: 450), 0)
    }

    func testRoomLabelsInChineseAndEnglish() {
        for (label, category) in [
            ("卫生间", "toilet"), ("男厕", "toilet"), ("WC", "toilet"), ("客房 8301", "guest_room"), ("员工宿舍", "staff_quarters"),
            ("宿舍 2", "dormitory_room"), ("更衣室", "changing_room"), ("试衣间", "fitting_room"), ("母婴室", "nursing_room"),
            ("淋浴间", "bathhouse"), ("包厢 3", "private_dining_room"), ("电梯厅", "lobby"), ("Fitting Room 2", "fitting_room"),
        ] {
            XCTAssertEqual(RoomKeywords.category(of: label), category, label)
        }
        XCTAssertNil(RoomKeywords.category(of: "设备间"))
        XCTAssertNil(RoomKeywords.category(of: "Bathurst Street"), "a short word only as a whole word")
    }

    func testACorruptDrawingIsOneClearError() {
        XCTAssertThrowsError(try DXFImporter().run(CLI.packageRoot.appendingPathComponent("Fixtures/import/corrupt.dxf").path)) { error in
            XCTAssertTrue("\(error)".contains("corrupt.dxf: not a readable DXF drawing: error at line"), "\(error)")
        }
        XCTAssertThrowsError(try DXFImporter().run(CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json").path)) { error in
            XCTAssertTrue("\(error)".contains("not a DXF drawing"), "\(error)")
        }
    }

    /// A drawing none of whose layers means anything to the importer (a
    /// real QCAD floor outline on layer 0) is refused, naming the layers
    /// and how to map them, instead of becoming an empty plan that passes.
    func testADrawingWithNothingRecognisedIsRefusedNamingItsLayers() {
        let path = CLI.packageRoot.appendingPathComponent("Fixtures/real/dxf/qcad-floor_plan.dxf").path
        XCTAssertThrowsError(try DXFImporter().run(path)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("no layer was recognised as walls, rooms, doors, windows or cameras (layers: 0 (14))"), text)
            XCTAssertTrue(text.contains("--map FILE"), text)
        }
    }

    /// Drawings as real CAD programs write them: a leading `999` comment
    /// (NoteCAD, LibreCAD) is read past; a DWG is named as one, with what
    /// to do; without `$INSUNITS` the unit is inferred from the drawing's
    /// size and said so.
    func testCommentsDWGAndAMissingUnitAreHandled() throws {
        let notecad = CLI.packageRoot.appendingPathComponent("Fixtures/real/dxf/notecad-house_plan.dxf").path
        XCTAssertThrowsError(try DXFImporter().run(notecad)) { error in
            XCTAssertFalse("\(error)".contains("not a DXF drawing"), "the 999 comment is read past: \(error)")
        }
        let folder = try ScratchFolder("dxf-kinds")
        defer { folder.remove() }
        let dwg = folder.url.appendingPathComponent("floor.dxf").path
        try Data("AC1032\u{0}\u{0}binary".utf8).write(to: URL(fileURLWithPath: dwg))
        XCTAssertThrowsError(try DXFImporter().run(dwg)) { error in
            XCTAssertTrue("\(error)".contains("a DWG drawing (AC1032): Sightline reads DXF; save it as DXF 2007 or later"), "\(error)")
        }
        func square(_ side: Double) -> [OGRShape] { [.lineString([Point2(0, 0), Point2(side, 0), Point2(side, side * 0.5)])] }
        XCTAssertEqual(DXFImporter.inferUnit(square(42))?.unit, .m)
        XCTAssertEqual(DXFImporter.inferUnit(square(42_000))?.unit, .mm)
        XCTAssertEqual(DXFImporter.inferUnit(square(1_500))?.unit, .cm)
        XCTAssertNil(DXFImporter.inferUnit(square(0.5)))
        XCTAssertTrue(DXFImporter.inferUnit(square(42))?.why.contains("42 units across") ?? false)
    }

    /// A block name holding a carriage return and a NUL byte (a damaged
    /// file; the import fuzzer's): GDAL 3.6's reader loops on it for good,
    /// so the import refuses it first, naming the line.
    func testANULByteIsRefusedBeforeGDALReadsTheFile() throws {
        let dxf = [
            "0", "SECTION", "2", "HEADER", "9", "$INSUNITS", "70", "6", "0", "ENDSEC", "0", "SECTION", "2", "BLOCKS",
            "0", "BLOCK", "8", "0", "2", "*Mod\r\u{0}el_Space", "0", "ENDBLK", "0", "ENDSEC", "0", "EOF", "",
        ].joined(separator: "\n")
        let folder = try ScratchFolder("dxf-nul")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("damaged.dxf").path
        try Data(dxf.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try DXFImporter().run(path)) { error in
            XCTAssertEqual(
                "\(error)", "\(path): not a readable DXF drawing: a NUL byte on line 20 (a text DXF holds none: the file is damaged)")
        }
    }

    /// A drawing whose walls are TArch objects (`TCH_WALL`, which GDAL
    /// skips) is refused with what to do in TArch, not imported as a plan
    /// missing its walls; a proxy entity likewise.
    func testATArchDrawingIsRefusedWithWhatToDo() throws {
        let folder = try ScratchFolder("dxf-tarch-objects")
        defer { folder.remove() }
        for (name, entity) in [("walls", "TCH_WALL"), ("proxy", "ACAD_PROXY_ENTITY")] {
            let dxf = [
                "0", "SECTION", "2", "HEADER", "9", "$INSUNITS", "70", "4", "0", "ENDSEC", "0", "SECTION", "2", "ENTITIES",
                "0", "LINE", "8", "WALL", "10", "0", "20", "0", "11", "5000", "21", "0",
                "  0", entity, "  8", "WALL", "0", "ENDSEC", "0", "EOF", "",
            ].joined(separator: "\r\n")
            let path = folder.url.appendingPathComponent("\(name).dxf").path
            try Data(dxf.utf8).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try DXFImporter().run(path)) { error in
                XCTAssertEqual(
                    "\(error)",
                    "\(path): a TArch (天正) drawing: its walls, doors and windows are TArch objects (\(entity)) that no DXF reader sees, so a plan from it would miss them; in TArch use 图形导出 to save a T3 drawing, then save that as DXF 2007 or later"
                )
            }
        }
    }

    /// Room names written as AutoCAD's escapes for characters outside the
    /// code page, as older Chinese drawings carry them: `\M+5XXXX` (GBK's
    /// two bytes: CE C0 卫, C9 FA 生, BC E4 间) and `\U+XXXX` are decoded, so
    /// the label gives the room its category.
    func testEscapedChineseLabelsAreDecoded() throws {
        XCTAssertEqual(DXFTextEscapes.decoded(#"\M+5CEC0\M+5C9FA\M+5BCE4"#), "卫生间")
        XCTAssertEqual(DXFTextEscapes.decoded(#"\U+5BA2\U+623F 8301"#), "客房 8301")
        XCTAssertEqual(DXFTextEscapes.decoded(#"\M+2B45A\M+2A9D2"#), "廁所", "Big5 B4 5A, A9 D2")
        XCTAssertEqual(DXFTextEscapes.decoded(#"C:\M+9ZZZZ \U+12"#), #"C:\M+9ZZZZ \U+12"#, "what does not decode stays")
        func room(_ layer: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [String] {
            ["0", "LWPOLYLINE", "8", layer, "90", "4", "70", "1"]
                + [(x0, y0), (x1, y0), (x1, y1), (x0, y1)].flatMap { ["10", "\($0.0)", "20", "\($0.1)"] }
        }
        let dxf =
            (["0", "SECTION", "2", "HEADER", "9", "$INSUNITS", "70", "6", "0", "ENDSEC", "0", "SECTION", "2", "ENTITIES"]
            + room("WALL", 0, 0, 4, 3) + room("SPACE", 0, 0, 4, 3)
            + ["0", "TEXT", "8", "0", "10", "1", "20", "1", "30", "0", "40", "0.3", "1", #"\M+5CEC0\M+5C9FA\M+5BCE4"#]
            + ["0", "ENDSEC", "0", "EOF", ""]).joined(separator: "\n")
        let folder = try ScratchFolder("dxf-escapes")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("gb2312.dxf").path
        try Data(dxf.utf8).write(to: URL(fileURLWithPath: path))
        let plan = try PlanDecoder.decode(bytes: Array(DXFImporter().run(path).json.utf8), file: "imported.json")
        XCTAssertEqual(plan.zones.map(\.category.rawValue), ["toilet"])
        XCTAssertEqual(plan.zones.map(\.name), ["卫生间"])
    }

    /// An R12 drawing from a Chinese CAD program, its text in GBK and no
    /// `$DWGCODEPAGE`: as it is, GDAL reads the label as Latin-1 mojibake
    /// (ÎÀÉú¼ä) and the room has no category; with `encoding = "gbk"`
    /// (`--encoding gbk`) it is a toilet. An encoding iconv does not know is
    /// one line naming it.
    func testAnEncodingGivenForADrawingWithNoCodePage() throws {
        var lines: [String] = ["0", "SECTION", "2", "HEADER", "9", "$ACADVER", "1", "AC1009", "9", "$INSUNITS", "70", "6", "0", "ENDSEC"]
        lines += ["0", "SECTION", "2", "ENTITIES", "0", "POLYLINE", "8", "SPACE", "66", "1", "70", "1"]
        for (x, y) in [("0", "0"), ("4", "0"), ("4", "3"), ("0", "3")] { lines += ["0", "VERTEX", "8", "SPACE", "10", x, "20", y] }
        lines += ["0", "SEQEND", "8", "SPACE"]
        lines += ["0", "TEXT", "8", "0", "10", "1", "20", "1", "30", "0", "40", "0.3", "1", "卫生间", "0", "ENDSEC", "0", "EOF", ""]
        let folder = try ScratchFolder("dxf-gbk")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("r12.dxf").path
        // kCFStringEncodingGB_18030_2000: GBK's superset, the same bytes for these characters.
        let gbk = try XCTUnwrap(lines.joined(separator: "\n").data(using: String.Encoding(rawValue: 0x8000_0632)))
        try gbk.write(to: URL(fileURLWithPath: path))
        func zones(_ encoding: String?) throws -> [Zone] {
            var importer = DXFImporter()
            importer.encoding = encoding
            return try PlanDecoder.decode(bytes: Array(importer.run(path).json.utf8), file: "imported.json").zones
        }
        XCTAssertEqual(try zones(nil).map(\.name), ["ÎÀÉú¼ä"])
        XCTAssertNotEqual(try zones(nil).map(\.category.rawValue), ["toilet"])
        XCTAssertEqual(try zones("gbk").map(\.category.rawValue), ["toilet"])
        XCTAssertEqual(try zones("gbk").map(\.name), ["卫生间"])
        XCTAssertThrowsError(try zones("klingon")) { error in
            XCTAssertEqual(
                "\(error)", "\(path): --encoding: `klingon` is not an encoding this system knows (gbk, big5, shift_jis, cp1252…)")
        }
    }

    /// A wall line to 1e309 (past the largest double: infinity) and one to
    /// NaN: the import refuses, naming both entities, instead of writing
    /// `inf` and `nan` into a plan that `check` then calls "not valid JSON".
    func testNonFiniteCoordinatesAreRefusedNamingTheEntity() throws {
        func line(_ handle: String, _ x: String) -> String {
            ["0", "LINE", "5", handle, "8", "WALL", "10", "0", "20", "0", "30", "0", "11", x, "21", "0", "31", "0"].joined(separator: "\n")
        }
        let dxf = [
            "0", "SECTION", "2", "HEADER", "9", "$INSUNITS", "70", "6", "0", "ENDSEC", "0", "SECTION", "2", "ENTITIES",
            line("1F", "5"), line("2A", "1e309"), line("2B", "nan"), "0", "ENDSEC", "0", "EOF", "",
        ].joined(separator: "\n")
        let folder = try ScratchFolder("dxf-nonfinite")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("far.dxf").path
        try Data(dxf.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try DXFImporter().run(path)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("far.dxf: a coordinate is not a finite number"), text)
            XCTAssertTrue(text.contains("entity 2A on layer WALL"), text)
            XCTAssertTrue(text.contains("entity 2B on layer WALL"), text)
            XCTAssertFalse(text.contains("entity 1F"), text)
        }
    }

    /// Doors drawn, not inserted, on a wall along y = 0 from x 0 to 10 with
    /// three gaps (walls 0–2, 3–5, 6–8, 9–10, metres):
    /// - gap 2–3: an arc centred on the hinge (2, 0), radius 1, 0°→90°, and
    ///   a leaf line (2, 0)–(2, 1) along its 90° end (drawn open): the
    ///   doorway runs from the hinge to the arc's other end, (2, 0)–(3, 0);
    /// - gap 5–6: a doorway outline, x 5–6 by y ±0.05 (20:1), both short
    ///   sides on wall ends: the doorway is its middle line, (5, 0)–(6, 0);
    /// - gap 8–9: an arc with no leaf: which end is the tip is unknown, so
    ///   no door, and the summary names it;
    /// - a thin outline free at one end, x 8.5–8.55 by y 1–2 (a leaf drawn
    ///   open away from any wall): not a doorway.
    /// Neither arc nor leaf becomes a wall: 4 walls + 2 door walls.
    func testDoorsDrawnAsLeafAndSwingOrAsADoorwayOutline() throws {
        func line(_ layer: String, _ a: (Double, Double), _ b: (Double, Double)) -> [String] {
            ["0", "LINE", "8", layer, "10", "\(a.0)", "20", "\(a.1)", "30", "0", "11", "\(b.0)", "21", "\(b.1)", "31", "0"]
        }
        func arc(_ handle: String, _ centre: (Double, Double), _ from: Double, _ to: Double) -> [String] {
            [
                "0", "ARC", "5", handle, "8", "DOOR", "100", "AcDbEntity", "100", "AcDbCircle", "10", "\(centre.0)", "20", "\(centre.1)",
                "30", "0", "40", "1.0", "100", "AcDbArc", "50", "\(from)", "51", "\(to)",
            ]
        }
        func outline(_ handle: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [String] {
            ["0", "LWPOLYLINE", "5", handle, "8", "DOOR", "90", "4", "70", "1"]
                + [(x0, y0), (x1, y0), (x1, y1), (x0, y1)].flatMap { ["10", "\($0.0)", "20", "\($0.1)"] }
        }
        let entities =
            line("WALL", (0, 0), (2, 0)) + line("WALL", (3, 0), (5, 0)) + line("WALL", (6, 0), (8, 0)) + line("WALL", (9, 0), (10, 0))
            + arc("A1", (2, 0), 0, 90) + line("DOOR", (2, 0), (2, 1))
            + outline("B1", 5, -0.05, 6, 0.05)
            + arc("C1", (8, 0), 0, 90)
            + outline("D1", 8.5, 1, 8.55, 2)
        let dxf =
            (["0", "SECTION", "2", "HEADER", "9", "$INSUNITS", "70", "6", "0", "ENDSEC", "0", "SECTION", "2", "ENTITIES"]
            + entities + ["0", "ENDSEC", "0", "EOF", ""]).joined(separator: "\n")
        let folder = try ScratchFolder("dxf-drawn-doors")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("doors.dxf").path
        try Data(dxf.utf8).write(to: URL(fileURLWithPath: path))
        let result = try DXFImporter().run(path)
        let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "imported.json")
        let doors = plan.openings.filter { $0.type == .door }.compactMap { door -> [Point2]? in
            if case .line(let l) = door.shape { return l.map { Point2(($0.x * 1000).rounded() / 1000, ($0.y * 1000).rounded() / 1000) } }
            return nil
        }
        XCTAssertEqual(doors.count, 2)
        XCTAssertTrue(doors.contains([Point2(5, 0), Point2(6, 0)]) || doors.contains([Point2(6, 0), Point2(5, 0)]), "\(doors)")
        XCTAssertTrue(doors.contains([Point2(2, 0), Point2(3, 0)]), "\(doors)")
        XCTAssertEqual(plan.walls.count, 6, "four walls and a wall across each doorway; no arc or leaf")
        let summary = result.summary.joined(separator: "\n")
        XCTAssertTrue(summary.contains("1 door drawn as a leaf and a swing arc (hinge to far jamb): `arc A1`"), summary)
        XCTAssertTrue(summary.contains("1 door drawn as a doorway outline between two walls (through its middle): `outline B1`"), summary)
        XCTAssertTrue(
            summary.contains("1 arc shaped like a door's swing with no leaf along either radius, not read as doors: `arc C1`"), summary)
    }

    /// Doors are 0.7–1.2 m wide in any unit: 36 units is inches (0.91 m),
    /// 900 mm, 0.9 m, 3 ft (0.91 m); fewer than three doors say nothing.
    func testTheDoorsSayTheUnit() {
        XCTAssertEqual(DXFImporter.unitFromDoors([36, 36.07, 30]).map(\.unit), .in)
        XCTAssertEqual(DXFImporter.unitFromDoors([900, 910, 2000]).map(\.unit), .mm)
        XCTAssertEqual(DXFImporter.unitFromDoors([90, 80, 100]).map(\.unit), .cm)
        XCTAssertEqual(DXFImporter.unitFromDoors([0.9, 0.8, 1.0]).map(\.unit), .m)
        XCTAssertEqual(DXFImporter.unitFromDoors([3, 3, 3]).map(\.unit), .ft)
        XCTAssertNil(DXFImporter.unitFromDoors([36, 36]))
        XCTAssertNil(DXFImporter.unitFromDoors([5, 5, 5]), "5 m, 5 ft, 0.5 m… no unit makes a 5-unit door")
    }

    /// A real drawing (Contoso v2, converted from DWG) declares metres
    /// ($INSUNITS 6) but its 22 door blocks (16 on door layers, 6 named as
    /// doors on others: sliding doors on the wall layer, elevator doors) are
    /// a median 36 units wide: 36 m doors. The import keeps the declared
    /// unit and says, in one line, that the doors are 0.91 m in inches and
    /// how to import it so.
    func testARealDrawingWhoseDoorsContradictItsDeclaredUnitIsFlagged() throws {
        let path = CLI.packageRoot.appendingPathComponent("Fixtures/real/dxf/contoso_revit-v2_ground.dxf").path
        let result = try DXFImporter().run(path)
        XCTAssertTrue(result.summary[0].hasSuffix("units m ($INSUNITS 6)"), result.summary[0])
        XCTAssertEqual(
            result.summary[1],
            "  warning: the doors are a median 36.00 units wide: 36.00 m in the declared unit ($INSUNITS m), 0.91 m in in; if the drawing is in in, import it with --units in"
        )
        var inches = DXFImporter()
        inches.units = .in
        XCTAssertFalse(try inches.run(path).summary.contains { $0.contains("warning: the doors") })
        // Its two restrooms are labelled where no room was found (their outlines are on a layer the mapping does not
        // know, and the walls leave them open): the summary puts those labels first among the labels in no room.
        let homeless = try XCTUnwrap(result.summary.first { $0.contains("in no room") })
        XCTAssertTrue(homeless.contains(", 2 naming a private place (an outline not closed?): `Restroom`, `Restroom`, "), homeless)
    }
}

final class DXFMappingTests: XCTestCase {
    private func fixture(_ name: String) -> String { CLI.packageRoot.appendingPathComponent("Fixtures/import/\(name)").path }

    func testAnOfficeStandardOverridesTheBuiltInMapping() throws {
        let mapping = try DXFLayerMapping.load(yamlFile: fixture("office-standard.yaml"))
        XCTAssertEqual(mapping.role(of: "DIM_LEAD"), .ignore)
        XCTAssertEqual(mapping.role(of: "WALL"), .wall, "the built-in names stay")
        XCTAssertTrue(mapping.doorsClosed(on: "DOOR_GUEST"))
        var importer = DXFImporter()
        importer.mapping = mapping
        let result = try importer.run(fixture("tarch-floor.dxf"))
        XCTAssertTrue(result.summary.contains("  layers the mapping ignores: DIM_LEAD (1)"), "\(result.summary)")
        XCTAssertFalse(result.summary.contains { $0.contains("give them a role") })
    }

    func testABadMappingNamesTheKey() {
        XCTAssertThrowsError(try DXFLayerMapping.load(yamlFile: fixture("bad-mapping.yaml"))) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix(
                    "bad-mapping.yaml: layers.WALL: expected one of wall, column, door, window, room, text, camera, ignore, found `partition`"
                ), "\(error)")
        }
    }
}

/// `Fixtures/import/tarch-floor-no-rooms.dxf`: the same floor with no SPACE
/// outlines, so the rooms come from the walls.
final class DXFRoomsFromWallsTests: XCTestCase {
    private let path = CLI.packageRoot.appendingPathComponent("Fixtures/import/tarch-floor-no-rooms.dxf").path

    /// The jamb caps of the toilet's doorway (x 5050 and 5950) are joined
    /// at their midpoints and the fire door's line closes the guest room,
    /// so three faces remain: the corridor with the lobby (open to each
    /// other in the drawing: both labels, one zone), the toilet between the
    /// partitions' inner faces (x 4100–6900, y 2100–7900, with the doorway
    /// down to y 2000) and the guest room; the wall bodies between double
    /// lines are thinner than 0.3 m and dropped.
    func testRoomsAreTheFacesTheWallsEncloseWithDoorGapsClosed() throws {
        let result = try DXFImporter().run(path)
        let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "no-rooms.json")
        XCTAssertEqual(plan.zones.map(\.category.rawValue), ["corridor", "guest_room", "toilet"])
        XCTAssertEqual(plan.zones.map(\.name), ["走廊 大堂", "客房 8301 VIP", "卫生间"], "the VIP label is a room-name block's attribute")
        let toilet = try XCTUnwrap(plan.zones.last)
        // 2.8 × 5.8 m inside the partitions, plus the 0.9 × 0.1 m doorway strip.
        XCTAssertEqual(toilet.polygons[0].area, 2.8 * 5.8 + 0.9 * 0.1, accuracy: 1e-6)
        XCTAssertTrue(
            result.summary.contains("  no room outlines on a room layer: 3 rooms derived from the walls (door gaps closed)"),
            "\(result.summary)")
        XCTAssertTrue(result.summary.contains { $0.contains("room-1 (走廊, 大堂: imported as corridor)") })
    }

    /// The same views as with outlines: CAM-02 14.03 m² (derived in
    /// ImportCommandTests); CAM-01's grazing view is 0.116 m² of this
    /// smaller toilet polygon (4 mm sampling against it).
    func testTheChecksFindTheSameToiletViews() throws {
        let result = try DXFImporter().run(path)
        let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "no-rooms.json")
        let analysis = try Engine(prohibited: PlanBuilder.cn2025.prohibitedCategories).analyze(plan)
        XCTAssertEqual(analysis.cameras.map { $0.intrusions.map(\.zone.name) }, [["卫生间"], ["卫生间"]])
        XCTAssertEqual(analysis.cameras[1].intrusions[0].area, 14.03, accuracy: 0.05)
        XCTAssertEqual(analysis.cameras[0].intrusions[0].area, 0.116, accuracy: 0.01)
    }
}
