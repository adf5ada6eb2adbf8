import SightlinePlan
import SightlineRules
import XCTest

/// A consequence summarised in Chinese: the measures in the statute's own
/// words, the fines as the statute states them, the article cited as
/// Chinese law cites it — checked against Order 799 Art. 27 ¶1's text:
/// "没收相关设备设施,删除所收集的视频图像信息……处1万元以上2万元以下罚款,
/// 对其直接负责的主管人员和其他直接责任人员处5000元以上1万元以下罚款".
final class ConsequenceSummaryTests: XCTestCase {
    func testArticle27ForAUnitReadsAsTheStatuteWritesIt() {
        let c = Consequence(
            article: "Art. 27 ¶1",
            measures: [
                "confiscation of the equipment and facilities (没收相关设备设施)",
                "deletion of the video images collected (删除所收集的视频图像信息)",
            ],
            fines: [
                Fine(party: "unit", minYuan: 10_000, maxYuan: 20_000, note: nil),
                Fine(party: "directly responsible persons", minYuan: 5_000, maxYuan: 10_000, note: nil),
            ],
            condition: "only after refusing to correct (拒不改正的)", note: nil)
        XCTAssertEqual(
            c.summary(in: .zh),
            "第二十七条第一款：没收相关设备设施；删除所收集的视频图像信息；罚款（单位）：1万元以上2万元以下；"
                + "罚款（直接负责的主管人员和其他直接责任人员）：5000元以上1万元以下 — 拒不改正的（only after refusing to correct (拒不改正的)）")
        XCTAssertEqual(c.summary(in: .en), c.summary, "English is the summary as before")
        XCTAssertEqual(Fine(party: "unit", minYuan: nil, maxYuan: 10_000, note: nil).yuanRangeZh, "1万元以下")
        XCTAssertEqual(Fine(party: "unit", minYuan: 15_000, maxYuan: nil, note: nil).yuanRangeZh, "1.5万元以上")
    }
}
