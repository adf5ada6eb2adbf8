import ArgumentParser
import Foundation
import SightlineSynth

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic plan for benchmarks and demos.",
        subcommands: [Hotel.self])

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
            let text = generator.json()
            if let output {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                    FileHandle.standardError.write(Data("\(output): cannot write: \(error.localizedDescription)\n".utf8))
                    throw ExitCode(2)
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
