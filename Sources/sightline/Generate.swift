import ArgumentParser
import Foundation
import SightlineIO
import SightlinePlan
import SightlineSynth

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic plan for benchmarks and demos.",
        subcommands: [Hotel.self, Mall.self, Terminal.self, Portfolio.self, Random.self, DXF.self])

    struct Hotel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hotel",
            abstract: "A hotel: F floors of double-loaded corridors, R rooms a side, 15 cameras a floor.")

        @Option(help: "Number of floors.") var floors: Int = 40
        @Option(help: "Guest rooms on each side of the corridor.") var rooms: Int = 40
        @Option(help: "Make every N-th corridor camera a PTZ dome (0: none).") var ptzEvery: Int = 0
        @OptionGroup var file: SinglePlanOptions

        func validate() throws {
            guard (1...500).contains(floors) else { throw ValidationError("--floors must be between 1 and 500") }
            guard (1...500).contains(rooms) else { throw ValidationError("--rooms must be between 1 and 500") }
            guard ptzEvery >= 0 else { throw ValidationError("--ptz-every must be 0 or more") }
        }

        func run() throws {
            var generator = HotelGenerator(floors: floors, roomsPerSide: rooms, seed: file.seed)
            generator.ptzEvery = ptzEvery
            try emit(generator.json(), to: file.output)
        }
    }

    struct Mall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mall",
            abstract: "An open-plan mall: F floors of 24 shops with windows, fitting rooms and toilets, 24 cameras a floor.")

        @Option(help: "Number of floors.") var floors: Int = 10
        @OptionGroup var file: SinglePlanOptions

        func validate() throws {
            guard (1...500).contains(floors) else { throw ValidationError("--floors must be between 1 and 500") }
        }

        func run() throws { try emit(MallGenerator(floors: floors, seed: file.seed).json(), to: file.output) }
    }

    struct Terminal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "terminal",
            abstract: "One huge level: a 300 m terminal hall, 2,500 kiosks (10,000 wall segments), 1,000 cameras.")

        @Option(help: "Number of cameras.") var cameras: Int = 1000
        @Option(help: "Camera range, metres.") var range: Double = 50
        @OptionGroup var file: SinglePlanOptions

        func validate() throws {
            guard (1...100_000).contains(cameras) else { throw ValidationError("--cameras must be between 1 and 100,000") }
            guard range > 0, range <= 1000 else { throw ValidationError("--range must be more than 0 and at most 1000") }
        }

        func run() throws {
            var generator = TerminalGenerator(seed: file.seed)
            generator.cameras = cameras
            generator.range = range
            try emit(generator.json(), to: file.output)
        }
    }

    /// `--seed`, `-o FILE`: what every single-plan generator takes.
    struct SinglePlanOptions: ParsableArguments {
        @Option(help: "Seed; the same seed gives the same plan.") var seed: UInt64 = 1
        @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    }

    /// `--count`, `--seed`, `-o FOLDER`: what every folder generator takes.
    struct FolderOptions: ParsableArguments {
        @Option(help: "Number of plans.") var count: Int = 1000
        @Option(help: "Seed; the same seed gives the same plans.") var seed: UInt64 = 1
        @Option(name: .shortAndLong, help: "The folder to write (created if missing).") var output: String

        func validate() throws {
            guard (1...1_000_000).contains(count) else { throw ValidationError("--count must be between 1 and 1,000,000") }
        }

        /// Runs `produce`, writing each (relative path, JSON) it hands over
        /// into the folder atomically; a failure names the file and exits 2.
        func write(summary: String, _ produce: (_ write: (String, String) throws -> Void) throws -> Void) throws {
            do {
                try produce { path, json in
                    let url = URL(fileURLWithPath: output).appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try FileWriter.write(Array(json.utf8), toFile: url.path)
                }
            } catch let error as FileWriteError {
                Console.err(TerminalText.escaped(error.description))
                throw ExitCode(2)
            } catch {
                Console.err(TerminalText.escaped("\(output): cannot write: \(error.localizedDescription)"))
                throw ExitCode(2)
            }
            Console.err(TerminalText.escaped("\(output): \(count) \(summary)"))
        }
    }

    struct Portfolio: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "portfolio",
            abstract: "A folder of small synthetic hotels (1–3 floors) for batch benchmarks.")

        @OptionGroup var folder: FolderOptions

        func run() throws {
            try folder.write(summary: "buildings") { write in
                try PortfolioGenerator(count: folder.count, seed: folder.seed).forEachBuilding { path, json in try write(path, json) }
            }
        }
    }

    struct Random: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "random",
            abstract: "A folder of random valid plans (every feature kind, near-coincident edges) for robustness runs; plan i has seed + i."
        )

        @OptionGroup var folder: FolderOptions

        func run() throws {
            try folder.write(summary: "random plans") { write in
                for i in 0..<UInt64(folder.count) {
                    let seed = folder.seed &+ i
                    try write("random-\(seed).json", RandomPlanGenerator(seed: seed).json())
                }
            }
        }
    }

    struct DXF: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dxf",
            abstract: "A large TArch-style DXF floor (a grid of rooms, six entities each) for import benchmarks.")

        @Option(help: "Number of rooms.") var rooms: Int = 16_667
        @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

        func validate() throws {
            guard (1...10_000_000).contains(rooms) else { throw ValidationError("--rooms must be between 1 and 10,000,000") }
        }

        func run() throws {
            let side = Int(Double(rooms).squareRoot().rounded(.up))
            try emit(DXFGenerator(columns: side, rows: (rooms + side - 1) / side).text(), to: output)
        }
    }
}
