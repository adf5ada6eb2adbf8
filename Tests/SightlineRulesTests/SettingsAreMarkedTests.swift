import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// Every number Sightline chooses (a profile parameter the statute does not
/// set) is marked as Sightline's setting wherever a finding prints it, in
/// both languages (#26 item 3). The profiles' parameters are given values no
/// statute or measurement would print (123.45 m, 6.78 m, 97 days, 37 %,
/// 0.91 m²), plans are made to trigger every rule that prints one, and each
/// message holding such a value must say it is Sightline's.
final class SettingsAreMarkedTests: XCTestCase {
    /// A built-in profile with `parameters` replaced by `values`.
    private func profile(_ id: String, _ values: [String: Any]) throws -> Profile {
        let text = try XCTUnwrap(BuiltInProfiles.files[id])
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var parameters = object["parameters"] as? [String: Any] ?? [:]
        parameters.merge(values) { _, new in new }
        object["parameters"] = parameters
        let bytes = try JSONSerialization.data(withJSONObject: object)
        return try ProfileLoader.load(bytes: [UInt8](bytes), file: "\(id) (test copy)")
    }

    private func messages(_ findings: [Finding]) -> [String] {
        findings.flatMap { [$0.message(in: .en), $0.message(in: .zh)] }
    }

    func testEveryPrintedSettingIsMarkedAsSightlines() throws {
        let national = try profile(
            "cn-2025", ["consentDistance": 123.45, "signDistance": 6.78, "overRetentionDays": 97, "obstructionShare": 0.37])
        var printed: [String] = []

        // Consent: a camera 20 m from a military area, seeing into it.
        var consent = PlanBuilder()
        consent.add(
            "barracks", "restricted", ["type": "Polygon", "coordinates": [[[20, -10], [50, -10], [50, 10], [20, 10], [20, -10]]]],
            ["category": "military_managed"])
        consent.camera("cam", at: [0, 0], ["heading": 90, "hfov": 170, "range": 30, "mountHeight": 3, "type": "fisheye"])
        printed += messages(try consent.check(profile: national).1)

        // Signs: a lobby the camera sees, with no sign; footage kept 180 days.
        var lobby = PlanBuilder()
        lobby.plan["system"] = ["commissionedOn": "2025-06-01", "retentionDays": 180]
        lobby.zone("hall", "lobby", [[0, 0], [10, 0], [10, 10], [0, 10]])
        lobby.camera("cam", at: [0.5, 0.5], ["heading": 45, "hfov": 90, "mountHeight": 2.8, "tilt": 20])
        printed += messages(try lobby.check(profile: national).1)

        // A public-security camera cut by a hoarding (54 % of its view).
        var police = PlanBuilder()
        police.camera("police", at: [0, 0], ["heading": 90, "hfov": 90, "vfov": 180, "range": 10, "publicSecurity": true])
        police.wall("hoarding", [[6, -20], [6, 20]])
        printed += messages(try police.check(profile: national).1)

        // Chongqing: a hotel corridor no camera sees.
        var hotel = PlanBuilder()
        hotel.zone("corridor", "corridor", [[0, 0], [20, 0], [20, 2], [0, 2]])
        hotel.zone("room-1", "guest_room", [[0, 2], [5, 2], [5, 6], [0, 6]])
        hotel.wall("room-wall", [[0, 2], [20, 2]])
        hotel.camera("far", at: [40, 40], ["heading": 0])
        printed += messages(try hotel.check(profile: try profile("cn-chongqing-2009", ["minSignageViewArea": 0.91])).1)

        let settings = ["123.45", "6.78", "97", "37 %", "0.91"]
        for value in settings {
            let holding = printed.filter { $0.contains(value) }
            XCTAssertFalse(holding.isEmpty, "no message printed \(value): the plans no longer trigger its rule")
            for message in holding {
                XCTAssertTrue(
                    message.contains("Sightline's") || message.contains("Sightline 设定"),
                    "\(value) is printed without saying it is Sightline's setting: \(message)")
            }
        }
    }
}
