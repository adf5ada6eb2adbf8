import Foundation
import TestSupport
import XCTest

/// `--lang` and the default language, across the commands people read.
final class LanguageTests: XCTestCase {
    /// The clothing store's filing record in Chinese: commissioned on
    /// 2025-09-01, 30 days to file (Art. 14), so due 2025-10-01, not filed.
    func testTheFilingRecordInChinese() throws {
        let r = try CLI.run(["filing", "Examples/clothing-store.json", "--as-of", "2026-01-15", "--lang", "zh"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "备案信息（公共安全视频图像信息系统管理条例（国务院令第799号，2025年4月1日起施行））")
        XCTAssertTrue(lines.contains("  设备数量及类型： 固定 2 台"), r.stdout)
        XCTAssertTrue(lines.contains("  备案期限：       2025年10月1日（系统于 2025年9月1日 投入使用，应在 30 日内即 2025年10月1日 前备案）"), r.stdout)
        XCTAssertTrue(lines.contains("  备案日期：       尚未备案 — 已逾期"), r.stdout)
    }

    /// Without `--lang`: the plan's site.locale, else LANG, else the rulebook.
    func testTheDefaultLanguageFollowsThePlanThenLangThenTheRulebook() throws {
        let chinese = "不符合：Examples/hotel-floor.json"
        let byLang = try CLI.shell("LANG=zh_CN.UTF-8 \"$SIGHTLINE\" check Examples/hotel-floor.json --as-of 2026-01-15")
        XCTAssertTrue(byLang.stdout.hasPrefix(chinese), byLang.stdout)
        let byRulebook = try CLI.shell("LANG=C.UTF-8 LC_ALL= \"$SIGHTLINE\" check Examples/hotel-floor.json --as-of 2026-01-15")
        XCTAssertTrue(byRulebook.stdout.hasPrefix(chinese), "a C locale: Chinese for cn-2025: \(byRulebook.stdout)")
        let english = try CLI.shell("LANG=en_GB.UTF-8 \"$SIGHTLINE\" check Examples/hotel-floor.json --as-of 2026-01-15")
        XCTAssertTrue(english.stdout.hasPrefix("FAIL: Examples/hotel-floor.json"), english.stdout)
        // A plan whose site says zh-CN is Chinese whatever LANG says.
        let folder = try ScratchFolder("locale")
        defer { folder.remove() }
        var b = PlanBuilder.passageToilet()
        b.plan["site"] = ["name": "Test", "locale": "zh-CN"]
        let plan = try folder.write(b, "zh.json")
        let byPlan = try CLI.run(["check", plan, "--as-of", "2026-01-15"])
        XCTAssertTrue(byPlan.stdout.hasPrefix("不符合："), byPlan.stdout)
        XCTAssertTrue(byPlan.stdout.contains("摄像机 cam1 可拍摄到卫生间 wc内 6.00 m²"), byPlan.stdout)
        XCTAssertTrue(try CLI.run(["check", plan, "--as-of", "2026-01-15", "--lang", "en"]).stdout.hasPrefix("FAIL:"))
    }

    /// `fix` advice in Chinese: the lobby camera's cheapest fix is the tilt
    /// (as in English), and the camera in room 301 must move.
    func testFixAdviceInChinese() throws {
        let r = try CLI.run(["fix", "Examples/hotel-floor.json", "--as-of", "2026-01-15", "--lang", "zh"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("摄像机 cam-lobby（固定，朝向 140.0°，俯角 20.0°）：art8-view-intrusion wc-3f") }, r.stdout)
        XCTAssertTrue(lines.contains("  最佳：   俯角"), r.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  移位：   摄像机位于禁止区域内") }, r.stdout)
        let english = try CLI.run(["fix", "Examples/hotel-floor.json", "--as-of", "2026-01-15"])
        XCTAssertTrue(english.stdout.contains("  best:    tilt"), english.stdout)
    }
}
