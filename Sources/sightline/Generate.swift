import ArgumentParser
import Foundation
import SightlinePlan
import SightlineSynth

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic plan for benchmarks and demos.",
        subcommands: [Hotel.self, Portfolio.self, Random.self, DXF.self])

    struct Hotel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A hotel: F floors of double-loaded corridors, R rooms a side, 15 cameras a floor.")

        @Option(help: "Number of floors.") var floors: Int = 40
        @Option(help: "Guest rooms on each side of the corridor.") var rooms: Int = 40
        @Option(help: "Seed; the same seed gives the same plan.") var seed: UInt64 = 1
        @Option(help: "Make every N-th corridor camera a PTZ dome (0: none).") var ptzEvery: Int = 0
        @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

        func validate() throws {
            guard (1...500).contains(floors) else { throw ValidationError("--floors must be between 1 and 500") }
            guard (1...500).contains(rooms) else { throw ValidationError("--rooms must be between 1 and 500") }
            guard ptzEvery >= 0 else { throw ValidationError("--ptz-every must be 0 or more") }
        }

        func run() throws {
            var generator = HotelGenerator(floors: floors, roomsPerSide: rooms, seed: seed)
            generator.ptzEvery = ptzEvery
            try emit(generator.json(), to: output)
        }
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
            abstract: "A folder of small synthetic hotels (1–3 floors) for batch benchmarks.")

        @OptionGroup var folder: FolderOptions

        func run() throws {
            try folder.write(summary: "buildings") { write in
                try PortfolioGenerator(count: folder.count, seed: folder.seed).forEach { path, json in try write(path, json) }
            }
        }
    }

    struct Random: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A folder of random valid plans (every feature kind, near-coincident edges) for robustness runs; plan i has seed + i.")

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
