import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules

/// Builds small plans in code, so each test states its geometry in a few
/// lines and the expected numbers can be derived by hand next to it.
public struct PlanBuilder {
    public var plan: [String: Any] = ["format": "sightline-plan/1", "levels": [["id": "L1", "height": 3.0]]]
    public var features: [[String: Any]] = []

    public init() {}

    public mutating func add(_ id: String, _ kind: String, _ geometry: [String: Any], _ properties: [String: Any] = [:]) {
        var props = properties
        props["kind"] = kind
        features.append(["type": "Feature", "id": id, "properties": props, "geometry": geometry])
    }

    public mutating func wall(_ id: String, _ points: [[Double]], _ properties: [String: Any] = [:]) {
        add(id, "wall", ["type": "LineString", "coordinates": points], properties)
    }

    public mutating func zone(_ id: String, _ category: String, _ ring: [[Double]], _ properties: [String: Any] = [:]) {
        var props = properties
        props["category"] = category
        add(id, "zone", ["type": "Polygon", "coordinates": [ring + [ring[0]]]], props)
    }

    public mutating func opening(_ id: String, _ type: String, _ points: [[Double]], _ properties: [String: Any] = [:]) {
        var props = properties
        props["openingType"] = type
        add(id, "opening", ["type": "LineString", "coordinates": points], props)
    }

    public mutating func camera(_ id: String, at p: [Double], _ properties: [String: Any] = [:]) {
        add(id, "camera", ["type": "Point", "coordinates": p], properties)
    }

    /// The plan as JSON bytes.
    public func json() -> [UInt8] {
        let root: [String: Any] = ["type": "FeatureCollection", "plan": plan, "features": features]
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]) else { return [] }
        return [UInt8](data)
    }

    public func decode(file: String = "test.json") throws -> Plan {
        try PlanDecoder.decode(bytes: json(), file: file)
    }

    /// Decodes, analyses with cn-2025 and applies its rules.
    public func check() throws -> (PlanAnalysis, [Finding]) {
        let analysis = try Engine(prohibited: Profile.cn2025.prohibited).analyze(try decode())
        return (analysis, RuleEngine(profile: .cn2025).findings(for: analysis))
    }

    /// The spec's worked example: a 10 m wall on x = 0 with a 1.2 m passage
    /// centred on y = 0, a 4 m-deep toilet behind it (x from 0 to 4), and a
    /// camera 8 m west of the passage looking east with a 90° field.
    public static func passageToilet(opening: [String: Any] = ["openingType": "passage"],
                                     camera: [String: Any] = [:]) -> PlanBuilder {
        var b = PlanBuilder()
        b.wall("w-front", [[0, -5], [0, 5]])
        b.wall("w-back", [[4, -5], [4, 5]])
        b.wall("w-top", [[0, 5], [4, 5]])
        b.wall("w-bottom", [[0, -5], [4, -5]])
        b.add("p1", "opening", ["type": "LineString", "coordinates": [[0, -0.6], [0, 0.6]]], opening)
        b.zone("wc", "toilet", [[0, -5], [4, -5], [4, 5], [0, 5]])
        var cam: [String: Any] = ["heading": 90, "hfov": 90, "mountHeight": 2.5]
        for (k, v) in camera { cam[k] = v }
        b.camera("cam1", at: [-8, 0], cam)
        return b
    }
}

extension Array where Element == Finding {
    /// Findings of one rule.
    public func rule(_ suffix: String) -> [Finding] { filter { $0.rule.hasSuffix(suffix) } }
}
