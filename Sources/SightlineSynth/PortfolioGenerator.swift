/// A synthetic portfolio: `count` small hotels of varied size (1–3 floors,
/// 4–10 rooms a side, 3–6 corridor cameras a floor, some PTZ domes),
/// each placed on the map round Hangzhou, deterministic for a seed, as
/// (relative path, JSON) pairs in folders of a hundred, so folder inputs are
/// searched recursively.
public struct PortfolioGenerator: Sendable {
    public var count: Int
    public var seed: UInt64

    public init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = seed
    }

    /// The buildings, one at a time, so a big portfolio is never in memory.
    public func forEachBuilding(_ body: (_ path: String, _ json: String) throws -> Void) rethrows {
        var rng = SeededGenerator(seed: seed)
        for i in 0..<count {
            var hotel = HotelGenerator(floors: 1 + Int(rng.next() % 3), roomsPerSide: 4 + Int(rng.next() % 7), seed: rng.next())
            hotel.camerasPerFloor = 3 + Int(rng.next() % 4)
            hotel.ptzEvery = rng.next() % 4 == 0 ? 3 : 0
            // A place in and around Hangzhou (120.0–120.4° E, 30.1–30.4° N),
            // from a generator of its own, so the buildings stay what they were.
            var place = SeededGenerator(seed: seed ^ (UInt64(i) &* 0x9E37_79B9_7F4A_7C15))
            hotel.georeference = (120.0 + Double(place.next() % 400_000) / 1e6, 30.1 + Double(place.next() % 300_000) / 1e6)
            let folder = "part-\(pad(i / 100, 3))"
            try body("\(folder)/building-\(pad(i, 5)).json", hotel.json())
        }
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
