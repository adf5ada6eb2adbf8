import ArgumentParser
import Foundation
import SightlineIO
import SightlineImport
import SightlineJSON
import SightlinePlan

/// `sightline import`: drawings and schedules people hold → `sightline-plan/1`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a DXF drawing or a camera schedule into a plan (what every layer became is printed on stderr).",
        subcommands: [DXF.self, IMDF.self, OSM.self, Cameras.self])

    struct DXF: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dxf",
            abstract: "A DXF floor drawing (TArch, AIA/NCS or Chinese layer names) → a plan with walls, doors, windows, rooms and cameras.")

        @Argument(help: "The .dxf file (DWG must be saved as DXF first).") var drawing: String
        @Option(help: "Coordinate units when $INSUNITS is unset: mm, cm, m, in, ft.") var units: LengthUnit?
        @Option(help: "A YAML layer mapping (layers, patterns, closedDoors, cameraBlocks) on top of the built-in one.") var map: String?
        @Option(
            help:
                "The text encoding where $DWGCODEPAGE is missing or wrong (R12 files from Chinese CAD programs): gbk, big5, shift_jis, cp1252…"
        )
        var encoding: String?
        @Option(help: "The level id to give the floor.") var level: String = "1F"
        @Option(help: "Where the drawing's origin lies, LON,LAT (WGS 84): map outputs (GeoJSON) are then placed on the Earth.") var origin:
            String?
        @Option(help: "With --origin: the bearing of the drawing's +y axis, degrees clockwise from north.") var rotation: Double = 0

        func validate() throws {
            if let origin {
                let parts = origin.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, abs(parts[0]) <= 180, abs(parts[1]) <= 85 else {
                    throw ValidationError("--origin: expected LON,LAT in degrees, e.g. 120.1551,30.2741")
                }
            }
        }
        @Option(name: .shortAndLong, help: "Write the plan here (default: standard output).") var output: String?

        func run() throws {
            try Import.write(to: output) { () throws(ImportError) in
                var importer = DXFImporter()
                importer.units = units
                importer.encoding = encoding
                importer.levelID = level
                if let origin {
                    let parts = origin.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                    importer.georeference = Georeference(lon: parts[0], lat: parts[1], rotation: rotation)
                }
                if let map { importer.mapping = try DXFLayerMapping.load(yamlFile: map) }
                return try importer.run(drawing)
            }
        }
    }

    struct IMDF: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "imdf",
            abstract:
                "An IMDF venue (a folder or its .zip) → a plan: levels, units as zones or walls, openings, fixtures, the venue's address.")

        @Argument(help: "The IMDF folder or zip archive.") var venue: String
        @Option(name: .shortAndLong, help: "Write the plan here (default: standard output).") var output: String?

        func run() throws { try Import.write(to: output) { () throws(ImportError) in try IMDFImporter().run(venue) } }
    }

    struct OSM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "osm",
            abstract:
                "OpenStreetMap indoor data (.osm or .osm.pbf, Simple Indoor Tagging) → a plan: rooms, walls, doors, surveillance cameras.")

        @Argument(help: "The .osm or .osm.pbf file.") var file: String
        @Option(name: .shortAndLong, help: "Write the plan here (default: standard output).") var output: String?

        func run() throws { try Import.write(to: output) { () throws(ImportError) in try OSMImporter().run(file) } }
    }

    struct Cameras: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cameras",
            abstract:
                "Merge a camera schedule (.csv or .xlsx; English or Chinese headers) into a plan; a camera with an existing id is replaced."
        )

        @Argument(help: "The schedule: .csv or .xlsx.") var schedule: String
        @Option(help: "The plan to merge into.") var into: String
        @Option(name: .shortAndLong, help: "Write the merged plan here (default: standard output).") var output: String?

        func run() throws {
            try Import.write(to: output) { () throws(ImportError) in
                let plan: [UInt8]
                do throws(PlanError) { plan = try PlanDecoder.readFile(into) } catch {
                    throw ImportError(file: into, message: error.problems.first?.message ?? "cannot be read")
                }
                let document: JSONValue
                do { document = try JSONParser.parse(plan) } catch { throw ImportError(file: into, message: "not valid JSON: \(error)") }
                return try CameraSchedule(path: schedule).merge(into: document, planFile: into)
            }
        }
    }
}

extension Import {
    /// Runs an import, writes its plan (atomically, or to standard output)
    /// and its summary (standard error); an import error is one line, exit 2.
    static func write(to output: String?, _ body: () throws(ImportError) -> ImportResult) throws {
        let result: ImportResult
        do { result = try body() } catch {
            Console.err(error.description)
            throw ExitCode(2)
        }
        try emit(result.json, to: output)
        Console.err(TerminalText.lines(result.summary))
    }
}

extension LengthUnit: ExpressibleByArgument {}
