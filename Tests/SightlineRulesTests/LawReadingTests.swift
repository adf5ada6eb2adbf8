import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import SightlineText
import TestSupport
import XCTest

/// The rulebook against a careful reading of Order 799 and the Chongqing
/// measures: one small plan per corrected reading, with the rule, severity,
/// citation (exact Chinese) and consequence asserted, negative cases too.
final class LawReadingTests: XCTestCase {
    /// A 10 × 10 m lobby (signed) with a camera in its south-west corner
    /// looking north-east, and a 4 × 10 m toilet east of it behind a wall
    /// with a 1.2 m passage at y = 5 … 6.2 that the camera sees through.
    private func lobbyAndToilet(operatorKind: String = "unit") -> PlanBuilder {
        var b = PlanBuilder()
        b.plan["site"] = ["name": "T", "address": "1 Test Road", "operator": ["name": "Test Co", "kind": operatorKind]]
        b.wall("walls", [[0, 0], [14, 0], [14, 10], [0, 10], [0, 0]])
        b.wall("partition", [[10, 0], [10, 10]])
        b.opening("passage", "passage", [[10, 5], [10, 6.2]])
        b.zone("hall", "lobby", [[0, 0], [10, 0], [10, 10], [0, 10]])
        b.zone("wc", "toilet", [[10, 0], [14, 0], [14, 10], [10, 10]])
        b.camera("cam", at: [0.5, 0.5], ["heading": 45, "hfov": 90, "mountHeight": 2.8, "tilt": 20])
        b.add("sign", "sign", ["type": "Point", "coordinates": [5, 5]])
        return b
    }

    private func set(_ b: inout PlanBuilder, _ member: String, _ key: String, _ value: Any?) {
        var object = b.plan[member] as? [String: Any] ?? [:]
        object[key] = value ?? NSNull()
        b.plan[member] = object
    }

    private func unset(_ b: inout PlanBuilder, _ member: String, _ key: String) {
        var object = b.plan[member] as? [String: Any] ?? [:]
        object.removeValue(forKey: key)
        b.plan[member] = object
    }

    private let chongqing: Profile = {
        do { return try ProfileLoader.load("cn-chongqing-2009") } catch { fatalError("\(error)") }
    }()

    // MARK: 1. Responsible persons are the unit's

    func testAnIndividualHasNoResponsiblePersonsFine() throws {
        let unit = try XCTUnwrap(lobbyAndToilet().check().1.rule("art8-view-intrusion").first)
        XCTAssertEqual(unit.consequence.fines.map(\.party), ["unit", "directly responsible persons"])
        let person = try XCTUnwrap(lobbyAndToilet(operatorKind: "individual").check().1.rule("art8-view-intrusion").first)
        XCTAssertEqual(
            person.consequence.fines, [Fine(party: "individual", minYuan: 5_000, maxYuan: 10_000, note: nil)],
            "对其直接负责的主管人员: 其 is the unit; an individual has no responsible persons")
        XCTAssertFalse(person.consequenceSummary.contains("responsible"))
    }

    func testChongqingArticle24HasNoResponsiblePersonsForAnIndividual() throws {
        var b = lobbyAndToilet(operatorKind: "individual")
        b.camera("cam-wc", at: [12, 5], ["heading": 0])
        let inside = try XCTUnwrap(b.check(profile: chongqing).1.rule("art9-camera-inside").first)
        let art24 = try XCTUnwrap(inside.consequences.last)
        XCTAssertEqual(art24.article, "Art. 24")
        XCTAssertEqual(art24.fines.map(\.party), ["individual"])
        XCTAssertEqual(inside.consequence.fines.map(\.party), ["individual"], "Order 799 Art. 27 ¶1: none for an individual's either")
    }

    // MARK: 2. Beyond the site: no consequence in Art. 26–31

    func testViewBeyondSiteClaimsNoRectificationOrder() throws {
        var b = lobbyAndToilet()
        b.add("site", "boundary", ["type": "Polygon", "coordinates": [[[-1, -1], [6, -1], [6, 11], [-1, 11], [-1, -1]]]])
        let f = try XCTUnwrap(b.check().1.rule("art13-view-beyond-site").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertTrue(f.consequence.measures.isEmpty, "责令改正 covers only missing signs")
        XCTAssertTrue(f.consequence.fines.isEmpty)
        XCTAssertTrue(f.consequence.note?.contains("none set in Art. 26–31") ?? false, f.consequenceSummary)
        XCTAssertTrue(f.citation.zh.contains("合理确定图像采集设备的安装位置、角度和采集范围"))
    }

    // MARK: 3. Whole clauses

    func testArticle27QuotesThePublicSecurityAndCriminalClause() throws {
        var b = lobbyAndToilet()
        b.camera("cam-mic", at: [9, 9], ["heading": 270, "audio": ["enabled": true, "range": 5]])
        let f = try XCTUnwrap(b.check().1.rule("art8-audio-intrusion").first)
        XCTAssertTrue(f.citation.zh.contains("能够拍摄、窥视、窃听他人隐私"))
        XCTAssertTrue(f.consequence.measures.contains { $0.contains("偷窥、偷拍、窃听他人隐私，构成违反治安管理行为的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任") })
    }

    func testArticle28AndArticle31CarryTheirSecondSentences() throws {
        let profile = PlanBuilder.cn2025
        XCTAssertTrue(
            profile.consequences["art28"]?.measures.contains { $0.contains("非法获取国家秘密、军事秘密的，依照有关法律的规定给予处罚；构成犯罪的，依法追究刑事责任") } ?? false)
        XCTAssertTrue(profile.consequences["art31"]?.measures.contains { $0.contains("构成违反治安管理行为的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任") } ?? false)
    }

    // MARK: 4. A gap in the plan is not an incomplete filing

    func testMissingDataIsARecordThatCannotBePreparedNotAFine() throws {
        var b = lobbyAndToilet()
        b.plan["site"] = ["name": "T", "operator": ["name": "Test Co"]]
        let f = try XCTUnwrap(b.check().1.rule("art14-filing-incomplete").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertTrue(f.message.contains("cannot be prepared") && f.message.contains("plan.site.address"), f.message)
        XCTAssertTrue(f.consequence.fines.isEmpty, "no Art. 29 fine is claimed")
        XCTAssertTrue(f.consequence.note?.contains("未依照本条例第十四条规定备案或者提供虚假备案信息的") ?? false)
        XCTAssertTrue(f.consequence.note?.contains("applies if the filing made lacked these data") ?? false)
    }

    // MARK: 6. preexisting against commissionedOn

    func testALaterCommissioningDateWinsOverPreexisting() throws {
        var b = lobbyAndToilet()
        b.plan["system"] = ["commissionedOn": "2025-05-01", "preexisting": true, "retentionDays": 30]
        let (_, outcome) = try b.evaluate()
        // Due 30 days after 2025-05-01: 2025-05-31, not the pre-existing 2025-06-30.
        let f = try XCTUnwrap(outcome.findings.rule("art14-filing-overdue").first)
        XCTAssertTrue(f.message.contains("by 2025-05-31"), f.message)
        XCTAssertTrue(f.message.contains("system.preexisting"), "the contradiction is reported: \(f.message)")
        XCTAssertTrue(outcome.notes.contains { $0.en.contains("contradicts itself") })
    }

    func testChongqingMessagesNameItsOwnArticleAndNoCenturyOfDelay() throws {
        var b = lobbyAndToilet()
        b.plan["system"] = ["commissionedOn": "2025-05-01", "preexisting": true, "retentionDays": 30]
        let (_, outcome) = try b.evaluate(profile: chongqing)
        XCTAssertTrue(outcome.findings.rule("art15-filing-overdue").isEmpty, "a 2025 system is not a pre-2009 one")
        XCTAssertTrue(outcome.notEvaluated.contains { $0.rule.hasSuffix("art15-filing-overdue") })
        var old = lobbyAndToilet()
        old.plan["system"] = ["commissionedOn": "2008-05-01", "retentionDays": 30]
        let f = try XCTUnwrap(old.check(profile: chongqing).1.rule("art15-filing-overdue").first)
        XCTAssertTrue(f.message.hasPrefix("Art. 15 filing overdue"), f.message)
        XCTAssertFalse(f.message.contains("Art. 14"))
    }

    // MARK: 8. Quotations

    func testViewIntrusionCitesTwoProvisionsEachVerbatim() throws {
        let f = try XCTUnwrap(lobbyAndToilet().check().1.rule("art8-view-intrusion").first)
        XCTAssertEqual(f.citation.provisions.map(\.reference), ["Art. 8 ¶1 (iv)", "Art. 13"])
        XCTAssertTrue(f.citation.provisions[0].en.contains("once installed, could photograph, peep at or eavesdrop on others' privacy"))
        XCTAssertTrue(f.citation.zh.hasPrefix("[Art. 8 ¶1 (iv)] "), "two provisions never read as one sentence")
        // The lead-in and the item are not one sentence of the statute: the
        // item keeps its marker, and the items skipped are an ellipsis.
        XCTAssertTrue(f.citation.provisions[0].zh.contains("相关设施：……（四）安装图像采集设备后"), f.citation.provisions[0].zh)
        XCTAssertTrue(f.citation.provisions[0].en.contains("public places: … (iv) other areas"), f.citation.provisions[0].en)
        var b = lobbyAndToilet()
        b.zone("room", "guest_room", [[20, 0], [24, 0], [24, 4], [20, 4]])
        b.camera("in-room", at: [22, 2], ["heading": 0])
        let inside = try XCTUnwrap(b.check().1.rule("art8-camera-inside").first)
        XCTAssertTrue(inside.citation.provisions[0].zh.hasSuffix("相关设施：（一）旅馆、饭店、宾馆、招待所、民宿等经营接待食宿场所的客房或者包间内部"))
        XCTAssertTrue(inside.citation.provisions[0].en.contains("public places: (i) the interior of guest rooms"))
    }

    func testItemEnglishFollowsTheChinese() {
        let items = PlanBuilder.cn2025.items
        XCTAssertTrue(items["(i)"]?.en.contains("food or lodging") ?? false)
        XCTAssertTrue(items["(ii)"]?.en.contains("the rooms of student dormitories") ?? false)
        XCTAssertTrue(items["(iii)"]?.en.contains("baths and shower rooms") ?? false)
        let art10 = PlanBuilder.cn2025.rule("cn-2025/art10-consent-missing")?.citation.provisions.first?.en ?? ""
        XCTAssertTrue(art10.contains("in the vicinity of military restricted zones, military administrative zones, or state organs"), art10)
    }

    /// The Chinese texts of both built-in profiles punctuate as the statute
    /// does: full-width ，：；（）, never the half-width marks of the text
    /// files they were quoted from.
    func testChineseQuotationsUseTheStatutesFullWidthPunctuation() throws {
        for id in ["cn-2025", "cn-chongqing-2009"] {
            let profile = try ProfileLoader.load(id)
            var texts = [profile.law.zh] + profile.items.values.map(\.zh) + profile.applicability.values.map(\.reason.zh)
            texts += profile.articles.compactMap(\.elsewhere?.zh) + profile.rules.flatMap { $0.citation.provisions.map(\.zh) }
            XCTAssertGreaterThan(texts.count, 10)
            for text in texts {
                XCTAssertNil(text.rangeOfCharacter(from: CharacterSet(charactersIn: ",:;()")), "\(id): half-width punctuation in \(text)")
            }
        }
        XCTAssertEqual(ChinesePunctuation.fullWidth("第八条:(一)旅馆,饭店;"), "第八条：（一）旅馆，饭店；")
        XCTAssertEqual(ChinesePunctuation.halfWidth("第八条：（一）旅馆，饭店；"), "第八条:(一)旅馆,饭店;")
    }

    /// Every Chinese quotation in cn-2025 (citations, items, reasons,
    /// consequences' parenthesised words) is found in the regulation's text.
    func testEveryChineseQuotationIsVerbatim() throws {
        let source = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Fixtures/regulations/order-799-2025-zh.txt"), encoding: .utf8)
        let labels = ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
        func normalized(_ s: String) -> String {
            var t = ChinesePunctuation.halfWidth(s).filter { !$0.isWhitespace }
            for l in labels { t = t.replacingOccurrences(of: l, with: "") }
            return t
        }
        let text = normalized(source)
        let profile = PlanBuilder.cn2025
        var quotes: [String] = []
        for rule in profile.rules where rule.article != "coverage" {
            for p in rule.citation.provisions {
                if p.zh.contains("{item.zh}") {
                    quotes += profile.items.values.map { p.zh.replacingOccurrences(of: "{item.zh}", with: $0.zh) }
                } else {
                    quotes.append(p.zh)
                }
            }
        }
        quotes += profile.items.values.map(\.zh)
        quotes += profile.applicability.values.filter { !$0.exempt.isEmpty || $0.only != nil }.map(\.reason.zh)
        quotes += profile.articles.compactMap(\.elsewhere?.zh)
        for c in profile.consequences.values {
            for m in c.measures + [c.note ?? "", c.condition ?? ""] {
                // The Chinese in parentheses after the English gloss.
                quotes += m.split(separator: "(").compactMap { part in
                    guard let close = part.firstIndex(of: ")") else { return nil }
                    let inner = String(part[..<close])
                    return inner.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? inner : nil
                }
            }
        }
        XCTAssertGreaterThan(quotes.count, 30)
        for quote in quotes {
            // A colon joins a heading to an item, "……" marks an omission, and
            // "第九条第二款" is a label: each remaining piece is the law's text.
            for piece in ChinesePunctuation.halfWidth(quote).replacingOccurrences(of: "……", with: ":").split(separator: ":") {
                let p = normalized(String(piece)).trimmingCharacters(in: CharacterSet(charactersIn: "。;"))
                guard !p.isEmpty, p.range(of: "^第[一二三四五六七八九十]+条(第[一二三四五六七八九十]+款)?$", options: .regularExpression) == nil else { continue }
                XCTAssertTrue(text.contains(p), "not verbatim: \(p)")
            }
        }
    }

    func testRetentionShortSaysArticles26To31SetNothing() throws {
        var b = lobbyAndToilet()
        set(&b, "system", "retentionDays", 15)
        let f = try XCTUnwrap(b.check().1.rule("art17-retention-short").first)
        XCTAssertEqual(f.consequence.note, "none set in Art. 26–31 for too short a retention")
    }

    // MARK: 9. Every consequence, every format (the renderers use this)

    func testSummaryCarriesMeasuresAsWellAsFines() throws {
        let f = try XCTUnwrap(lobbyAndToilet().check().1.rule("art8-view-intrusion").first)
        for piece in ["没收相关设备设施", "删除所收集的视频图像信息", "¥10,000–20,000", "依法追究刑事责任"] {
            XCTAssertTrue(f.consequenceSummary.contains(piece), "\(piece) missing from \(f.consequenceSummary)")
        }
    }

    // MARK: 10. Art. 33 only for non-public sites

    func testArticle33IsAppliedOnlyToNonPublicSites() throws {
        let (_, venue) = try lobbyAndToilet().evaluate()
        XCTAssertFalse(venue.applied.map(\.key).contains("art33"))
        XCTAssertEqual(venue.notApplied.map(\.article.key), ["art33"])
        var home = lobbyAndToilet()
        set(&home, "site", "placeCategory", "non-public")
        let (_, outcome) = try home.evaluate()
        XCTAssertEqual(outcome.applied.map(\.key), ["art33", "coverage"])
        XCTAssertTrue(outcome.notApplied.first { $0.article.key == "art8" }?.reason.zh.hasPrefix("第二条：本条例所称公共安全视频图像信息系统") ?? false)
        XCTAssertTrue(outcome.notes.contains { $0.en.hasPrefix("Sightline's reading") }, "the gloss is a note, not law text")
    }

    // MARK: 12. Applicability notes

    func testStateBuiltInfrastructureNotesArticle32() throws {
        var b = lobbyAndToilet()
        set(&b, "site", "placeCategory", "art7-infrastructure")
        let (_, outcome) = try b.evaluate()
        let note = try XCTUnwrap(outcome.notes.first { $0.en.contains("Art. 32") })
        // The public security organ (¶1) or another state organ (¶2), in both languages, said to be a reading;
        // a third party installing there keeps the findings' fines.
        XCTAssertTrue(note.en.contains("Art. 32 ¶1") && note.en.contains("Art. 32 ¶2") && note.en.contains("a judgement"), note.en)
        XCTAssertTrue(note.en.contains("is still fined as the findings say"), note.en)
        XCTAssertTrue(note.zh.hasPrefix("Sightline 的理解（此为判断）") && note.zh.contains("第三十二条第一款"), note.zh)
        XCTAssertTrue(note.zh.contains("仍按检查结果所列处罚"), note.zh)
        // Its quotations are the statute's words (the parts either side of an ellipsis).
        let source = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Fixtures/regulations/order-799-2025-zh.txt"), encoding: .utf8)
        let text = ChinesePunctuation.halfWidth(source)
        let quoted = note.zh.split(separator: "“").dropFirst().compactMap { $0.split(separator: "”").first }
        XCTAssertEqual(quoted.count, 2)
        for part in quoted.flatMap({ $0.components(separatedBy: "……") }) {
            XCTAssertTrue(text.contains(ChinesePunctuation.halfWidth(part)), "not verbatim: \(part)")
        }
    }

    /// A deadline on a rest day met on the first working day after it is
    /// on time under Civil Code Art. 203 and late without it: a warning
    /// stating both readings. Later, or not filed, it is overdue either way,
    /// and the rest day is not mentioned. A make-up working day (调休) is a
    /// working day. A filing made late has nothing left to correct.
    func testDueDateOnARestDayGivesBothReadingsOnlyWhereTheyDiffer() throws {
        var b = lobbyAndToilet()
        // Due 2025-10-01, National Day; the holiday ends 2025-10-08, so 10-09 is the first working day.
        b.plan["system"] = ["commissionedOn": "2025-09-01", "retentionDays": 30, "filedOn": "2025-10-09"]
        let onNext = try XCTUnwrap(b.check().1.rule("art14-filing-overdue").first)
        XCTAssertEqual(onNext.severity, .warning)
        XCTAssertTrue(onNext.message.contains("Civil Code Art. 203") && onNext.message.contains("2025-10-09"), onNext.message)
        XCTAssertTrue(onNext.message(in: .zh).contains("《民法典》第二百零三条"), onNext.message(in: .zh))
        XCTAssertTrue(onNext.consequence.measures.isEmpty && onNext.consequence.fines.isEmpty, onNext.consequenceSummary)
        XCTAssertTrue(onNext.consequenceSummary.contains("nothing is left to correct"), onNext.consequenceSummary)

        b.plan["system"] = ["commissionedOn": "2025-09-01", "retentionDays": 30, "filedOn": "2025-10-10"]
        let later = try XCTUnwrap(b.check().1.rule("art14-filing-overdue").first)
        XCTAssertEqual(later.severity, .error)
        XCTAssertTrue(later.message.contains("9 days late"), later.message)
        XCTAssertFalse(later.message.contains("Civil Code"), "the rest day changes nothing here")

        b.plan["system"] = ["commissionedOn": "2025-09-01", "retentionDays": 30]
        let unfiled = try XCTUnwrap(b.check().1.rule("art14-filing-overdue").first)
        XCTAssertEqual(unfiled.severity, .error)
        XCTAssertFalse(unfiled.message.contains("Civil Code"))
        XCTAssertFalse(unfiled.consequence.measures.isEmpty, "not filed: the order to file within a time limit stands")

        // Due 2025-09-28, a Sunday made a working day by the notice: filed the 29th is a day late.
        b.plan["system"] = ["commissionedOn": "2025-08-29", "retentionDays": 30, "filedOn": "2025-09-29"]
        let makeUp = try XCTUnwrap(b.check().1.rule("art14-filing-overdue").first)
        XCTAssertEqual(makeUp.severity, .error)
        XCTAssertTrue(makeUp.message.contains("1 days late"), makeUp.message)
        XCTAssertTrue(PlanBuilder.cn2025.parameters.isRestDay(CalendarDate(iso: "2025-09-27")!), "a Saturday")
        XCTAssertFalse(PlanBuilder.cn2025.parameters.isRestDay(CalendarDate(iso: "2025-09-28")!), "a make-up working day")
    }

    // MARK: Who may install (Art. 7 ¶3, Art. 9 ¶1; Art. 26)

    /// A mall corridor (the operator's, y 0…4) and a 10 m-deep shop (the
    /// tenant's, y 4…14). From (10, 9) with a 60° field and 10 m range,
    /// looking south the view holds d·tan 30° wide slices: the shop's part
    /// (d ≤ 5) is 25·tan 30° = 14.4 m², the corridor's (5 ≤ d ≤ 9) is
    /// 56·tan 30° = 32.33 m² less the corners beyond the 10 m circle
    /// (∫₅⁹ 2·min(t·tan 30°, √(100 − t²)) dt = 32.054 m²), so it mostly
    /// watches the corridor; looking east it sees almost only the shop.
    private func mall(heading: Double) -> PlanBuilder {
        var b = PlanBuilder()
        b.plan["site"] = ["name": "Mall", "address": "1 Mall Road", "operator": ["name": "Mall Co"]]
        b.zone("corridor", "corridor", [[0, 0], [20, 0], [20, 4], [0, 4]])
        b.zone("shop", "retail", [[0, 4], [20, 4], [20, 14], [0, 14]], ["managedBy": "Tenant Ltd"])
        b.camera("tenant-cam", at: [10, 9], ["heading": heading, "hfov": 60, "vfov": 180, "range": 10, "owner": "Tenant Ltd"])
        b.add("sign", "sign", ["type": "Point", "coordinates": [10, 2]])
        b.add("sign2", "sign", ["type": "Point", "coordinates": [10, 9]])
        return b
    }

    /// Art. 7 ¶3 and Art. 9 ¶1 govern where a camera is installed: the
    /// tenant's camera in its own shop that mostly watches the corridor is
    /// no unauthorized installation (a note says so, and points to Art.
    /// 13); the same camera standing in the mall's corridor is.
    func testATenantsCameraIsJudgedByWhereItIsInstalled() throws {
        let (_, watching) = try mall(heading: 180).evaluate()
        XCTAssertTrue(watching.findings.rule("art9-installer-unauthorized").isEmpty)
        let note = try XCTUnwrap(watching.notes.first { $0.en.contains("concern where a camera is installed") })
        XCTAssertTrue(note.en.contains("mostly watches corridor corridor (32.05 m² of its view), which Mall Co runs"), note.en)
        XCTAssertTrue(note.en.contains("Art. 13's question"), note.en)
        XCTAssertTrue(note.zh.contains("第七条第三款、第九条第一款规范的是安装地点"), note.zh)
        XCTAssertTrue(watching.notes.contains { $0.en.contains("may fall under Art. 9") }, "the tenant note")
        // Looking along its own shop (east): nothing to say.
        XCTAssertTrue(try mall(heading: 90).evaluate().1.notes.allSatisfy { !$0.en.contains("concern where a camera is installed") })

        var inCorridor = mall(heading: 90)
        inCorridor.camera("tenant-cam-2", at: [5, 2], ["heading": 90, "hfov": 60, "vfov": 180, "range": 10, "owner": "Tenant Ltd"])
        let (_, outcome) = try inCorridor.evaluate()
        let f = try XCTUnwrap(outcome.findings.rule("art9-installer-unauthorized").first)
        XCTAssertEqual(f.cameraID, "tenant-cam-2")
        XCTAssertEqual(f.zoneID, "corridor")
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(
            f.message,
            "camera tenant-cam-2 is installed by Tenant Ltd in corridor corridor, which Mall Co runs: only the unit with operating and management responsibility for a place (Art. 7) or the unit or person with the security duty for it (Art. 9) may install there"
        )
        XCTAssertTrue(f.message(in: .zh).contains("负有经营管理责任的单位（第七条）或者负有安全防范义务的单位或者个人（第九条）"))
        XCTAssertFalse(f.message(in: .zh).contains("安全管理责任"))
        XCTAssertEqual(f.citation.provisions.map(\.reference), ["Art. 7 ¶3", "Art. 9 ¶1"])
        XCTAssertTrue(f.citation.provisions[1].zh.contains("仅限于对该场所负有安全防范义务的单位或者个人安装"))
        XCTAssertEqual(f.consequence.article, "Art. 26")
        XCTAssertEqual(f.consequence.condition, "fines only after refusing to correct (拒不改正的)")
    }

    // MARK: Art. 8 ¶2: the operator's duty, with every camera inside

    func testCameraInsideStatesTheDutyToInspectAndReport() throws {
        var b = lobbyAndToilet()
        b.camera("cam-wc", at: [12, 5], ["heading": 0])
        let f = try XCTUnwrap(b.check().1.rule("art8-camera-inside").first)
        XCTAssertTrue(f.citation.provisions[1].zh.hasPrefix("对上述区域、部位负有经营管理责任的单位或者个人，应当加强日常管理和检查"))
        let duty = try XCTUnwrap(f.furtherConsequences.first)
        XCTAssertEqual(duty.article, "Art. 27 ¶2")
        XCTAssertTrue(duty.measures.contains { $0.contains("吊销营业执照") })
        XCTAssertTrue(duty.condition?.contains("拒不改正或者造成严重后果的") ?? false)
    }

    // MARK: Change filings (备案变更)

    func testCamerasDifferingFromTheFilingAreAnUnfiledChange() throws {
        var b = lobbyAndToilet()
        set(&b, "system", "filing", ["date": "2025-06-10", "cameras": ["fixed": 1]])
        XCTAssertTrue(try b.check().1.rule("art14-filing-change-unfiled").isEmpty, "one fixed camera, one filed")
        b.camera("cam2", at: [9, 9], ["heading": 225])
        b.camera("dome", at: [5, 9], ["type": "ptz"])
        let f = try XCTUnwrap(b.check().1.rule("art14-filing-change-unfiled").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertTrue(f.message.contains("2 fixed in the plan, 1 filed") && f.message.contains("1 ptz in the plan, 0 filed"), f.message)
        XCTAssertTrue(f.citation.zh.contains("应当及时办理备案变更"))
        XCTAssertEqual(f.consequence.article, "Art. 29")
        // Art. 29 reaches a change only once it is installed and not filed: said.
        XCTAssertTrue(f.consequence.note?.contains("a design not yet installed has no change to file") ?? false)
        XCTAssertTrue(f.consequence.summary(in: .zh).contains("尚未安装的设计方案没有需要备案的变更"), f.consequence.summary(in: .zh))
    }

    /// Art. 14 ¶1's particulars a plan shows besides the cameras: the
    /// storage period and the construction location, compared where the
    /// filing records them.
    func testAChangedStoragePeriodOrAddressIsAnUnfiledChange() throws {
        var b = lobbyAndToilet()
        let address = try XCTUnwrap((b.plan["site"] as? [String: Any])?["address"] as? String)
        let retention = try XCTUnwrap((b.plan["system"] as? [String: Any])?["retentionDays"] as? Int)
        set(&b, "system", "filing", ["cameras": ["fixed": 1], "retentionDays": retention, "address": address])
        XCTAssertTrue(try b.check().1.rule("art14-filing-change-unfiled").isEmpty, "the same particulars")
        set(&b, "system", "filing", ["cameras": ["fixed": 1], "retentionDays": retention + 60, "address": "2 Old Street"])
        let f = try XCTUnwrap(b.check().1.rule("art14-filing-change-unfiled").first)
        XCTAssertEqual(
            f.message,
            "the plan differs from what was filed: footage kept \(retention) days in the plan, \(retention + 60) filed; the address is “\(address)” in the plan, “2 Old Street” filed; once installed, the change must be filed (Art. 14 备案变更)"
        )
        XCTAssertTrue(f.message(in: .zh).contains("图纸中视频图像信息存储期限 \(retention) 日，备案 \(retention + 60) 日"), f.message(in: .zh))
        XCTAssertTrue(f.message(in: .zh).contains("备案为“2 Old Street”"), f.message(in: .zh))
    }

    // MARK: Over-retention

    func testRetentionFarBeyondThirtyDaysNeedsABasis() throws {
        var b = lobbyAndToilet()
        set(&b, "system", "retentionDays", 180)
        let f = try XCTUnwrap(b.check().1.rule("art17-retention-excessive").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertTrue(f.citation.zh.contains("对已经实现处理目的的视频图像信息，应当予以删除"))
        XCTAssertEqual(f.consequence.article, "Art. 31")
        XCTAssertTrue(f.message.contains("90 days is Sightline's setting overRetentionDays, not a number of Art. 17"), f.message)
        XCTAssertTrue(f.message(in: .zh).contains("90 日为 Sightline 设定 overRetentionDays"), f.message(in: .zh))
        // Art. 17 defers only to 法律、行政法规: a policy does not silence it.
        set(&b, "system", "retentionBasis", "company policy: keep half a year")
        let policy = try XCTUnwrap(b.check().1.rule("art17-retention-excessive").first)
        XCTAssertTrue(policy.message.contains("the basis given, `company policy: keep half a year`, names no law"), policy.message)
        set(&b, "system", "retentionBasis", "bank regulations require 180 days")
        XCTAssertTrue(try b.check().1.rule("art17-retention-excessive").isEmpty)
        set(&b, "system", "retentionBasis", "《中华人民共和国反恐怖主义法》")
        XCTAssertTrue(try b.check().1.rule("art17-retention-excessive").isEmpty)
        set(&b, "system", "retentionDays", 60)
        set(&b, "system", "retentionBasis", nil)
        XCTAssertTrue(try b.check().1.rule("art17-retention-excessive").isEmpty, "60 days is not far beyond 30")
    }

    // MARK: Homestays and homes

    func testANonPublicSiteWithGuestRoomsGetsArticle8ForThem() throws {
        var b = lobbyAndToilet()
        set(&b, "site", "placeCategory", "non-public")
        b.zone("guest", "guest_room", [[0, 10], [10, 10], [10, 14], [0, 14]], ["name": "Guest room"])
        b.wall("guest-walls", [[0, 10], [0, 14], [10, 14], [10, 10]])
        b.camera("cam-guest", at: [5, 12], ["heading": 0])
        let (_, outcome) = try b.evaluate()
        let contradiction = try XCTUnwrap(outcome.findings.rule("art8-non-public-with-guest-rooms").first)
        XCTAssertEqual(contradiction.zoneID, "guest")
        XCTAssertEqual(contradiction.severity, .warning)
        XCTAssertEqual(outcome.findings.rule("art8-camera-inside").map(\.zoneID), ["guest"])
        XCTAssertTrue(outcome.findings.rule("art8-view-intrusion").isEmpty, "the toilet of a home stays under Art. 33, not Art. 8")
        XCTAssertTrue(outcome.applied.map(\.key).contains("art8"))
        // Without guest rooms a home has no Art. 8 finding.
        var home = lobbyAndToilet()
        set(&home, "site", "placeCategory", "non-public")
        XCTAssertTrue(try home.check().1.allSatisfy { !$0.rule.contains("art8") })
    }

    /// From (0.5, 0.5) the camera sees the lodger's room through the
    /// passage: the same overlap Art. 8 would report for a toilet.
    func testAHomeCameraSeeingALodgersRoomIsAWarning() throws {
        var b = lobbyAndToilet()
        set(&b, "site", "placeCategory", "non-public")
        let publicSite = try XCTUnwrap(lobbyAndToilet().check().1.rule("art8-view-intrusion").first)
        var features = b.features
        let i = try XCTUnwrap(features.firstIndex { ($0["id"] as? String) == "wc" })
        features[i]["properties"] = ["kind": "zone", "category": "room", "occupiedByOthers": true, "name": "Lodger's room"]
        b.features = features
        let f = try XCTUnwrap(b.check().1.rule("art33-view-occupied-by-others").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.area ?? 0, publicSite.area ?? -1, accuracy: 1e-9)
        XCTAssertEqual(f.consequence.article, "Art. 31")
    }

    /// A home camera in the lobby at (9, 9) looking west, away from the
    /// lodger's room east of x = 10, with a 5 m microphone: it sees nothing
    /// of the room but hears it from 1.00 m (the room's nearest point is
    /// (10, 9)). Art. 33 for sound, a warning; before, the plan said 符合
    /// with no word of it.
    func testAHomeMicrophoneReachingALodgersRoomIsAWarning() throws {
        var b = lobbyAndToilet()
        set(&b, "site", "placeCategory", "non-public")
        var features = b.features.filter { ($0["id"] as? String) != "cam" }
        let i = try XCTUnwrap(features.firstIndex { ($0["id"] as? String) == "wc" })
        features[i]["properties"] = ["kind": "zone", "category": "room", "occupiedByOthers": true, "name": "Lodger's room"]
        b.features = features
        b.camera("cam-mic", at: [9, 9], ["heading": 270, "hfov": 60, "audio": ["enabled": true, "range": 5]])
        let findings = try b.check().1
        XCTAssertTrue(findings.rule("art33-view-occupied-by-others").isEmpty, "it looks away")
        let f = try XCTUnwrap(findings.rule("art33-audio-occupied-by-others").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.distance ?? -1, 1.0, accuracy: 1e-9)
        XCTAssertEqual(f.zoneID, "wc")
        XCTAssertTrue(
            f.message.contains("camera cam-mic's microphone is 1.00 m from room wc (Lodger's room), within its 5.00 m range"), f.message)
        XCTAssertTrue(f.message.hasSuffix(", which others occupy"), f.message)
        XCTAssertTrue(f.citation.zh.contains("不得危害公共安全或者侵犯他人的合法权益"))
        // Out of reach: 6 m away with a 5 m microphone.
        var far = b
        far.features = far.features.filter { ($0["id"] as? String) != "cam-mic" }
        far.camera("cam-mic", at: [4, 9], ["heading": 270, "hfov": 60, "audio": ["enabled": true, "range": 5]])
        XCTAssertTrue(try far.check().1.rule("art33-audio-occupied-by-others").isEmpty)
    }

    /// A home's fisheye 20 m from a military area, seeing into it: Art. 10
    /// governs public places, so the home is judged by Art. 33 (a warning
    /// stating Sightline's reading, no penalty claimed); a public site gets
    /// Art. 10 instead and no Art. 33 finding.
    func testAHomeCameraSeeingAMilitaryAreaIsAnArticle33Warning() throws {
        var b = PlanBuilder()
        b.plan["site"] = [
            "name": "Home", "address": "1 Test Road", "placeCategory": "non-public", "operator": ["name": "Li", "kind": "individual"],
        ]
        b.zone("yard", "room", [[-5, -5], [5, -5], [5, 5], [-5, 5]])
        b.add(
            "barracks", "restricted", ["type": "Polygon", "coordinates": [[[20, -10], [50, -10], [50, 10], [20, 10], [20, -10]]]],
            ["category": "military_managed"])
        b.camera("cam", at: [0, 0], ["heading": 90, "hfov": 170, "range": 30, "mountHeight": 3, "type": "fisheye"])
        let findings = try b.check().1
        let f = try XCTUnwrap(findings.rule("art33-view-restricted-area").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertGreaterThan(f.area ?? 0, 100)
        XCTAssertEqual(f.zoneID, "barracks")
        XCTAssertTrue(f.message.contains("Sightline's reading") && f.message.contains("a judgement"), f.message)
        XCTAssertTrue(f.message(in: .zh).contains("系判断"), f.message(in: .zh))
        XCTAssertEqual(f.consequence.article, "Art. 33")
        XCTAssertTrue(f.consequence.measures.isEmpty && f.consequence.fines.isEmpty)
        XCTAssertTrue(findings.rule("art10-consent-missing").isEmpty, "Art. 10 is not applied to a non-public place")
        set(&b, "site", "placeCategory", "art9-other-public")
        let publicFindings = try b.check().1
        XCTAssertTrue(publicFindings.rule("art33-view-restricted-area").isEmpty)
        XCTAssertFalse(publicFindings.rule("art10-consent-missing").isEmpty)
    }

    /// A public site with a toilet and no `system.inspection`: Art. 8 ¶2's
    /// daily inspection cannot be seen from the plan, a warning asking for
    /// the record and claiming no fine; recorded, nothing; a site with no
    /// prohibited place, nothing.
    func testAnUnrecordedInspectionOfPrivatePlacesIsAWarningWithoutAFine() throws {
        var b = lobbyAndToilet()
        unset(&b, "system", "inspection")
        let f = try XCTUnwrap(b.check().1.rule("art8-inspection-unrecorded").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.citation.reference, "Art. 8 ¶2")
        XCTAssertTrue(f.message.contains("prohibited places (toilet)") && f.message.contains("Art. 8 ¶2 requires"), f.message)
        XCTAssertTrue(f.message(in: .zh).contains("第八条第二款要求"), f.message(in: .zh))
        XCTAssertTrue(f.consequence.fines.isEmpty && f.consequence.measures.isEmpty)
        XCTAssertTrue(f.consequence.note?.contains("not a failure to inspect") ?? false)
        set(&b, "system", "inspection", ["frequency": "daily", "lastOn": "2025-12-30"])
        XCTAssertTrue(try b.check().1.rule("art8-inspection-unrecorded").isEmpty)
        var lobby = PlanBuilder()
        unset(&lobby, "system", "inspection")
        lobby.zone("hall", "lobby", [[0, 0], [10, 0], [10, 10], [0, 10]])
        XCTAssertTrue(try lobby.check().1.rule("art8-inspection-unrecorded").isEmpty)
    }

    /// A system in use with no `system.acceptance`: Art. 11, a warning, no
    /// penalty (none in Art. 26–31); an Art. 9 site is exempt (Art. 9 ¶2).
    func testAnUnrecordedAcceptanceIsAWarningAndArticle9SitesAreExempt() throws {
        var b = lobbyAndToilet()
        unset(&b, "system", "acceptance")
        let f = try XCTUnwrap(b.check().1.rule("art11-acceptance-unrecorded").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertTrue(f.message.contains("in use since 2025-06-01"), f.message)
        XCTAssertEqual(f.consequence.note, "none set in Art. 26–31 for Art. 11")
        set(&b, "system", "acceptance", ["date": "2025-05-20", "archive": "AC-2025-014"])
        XCTAssertTrue(try b.check().1.rule("art11-acceptance-unrecorded").isEmpty)
        var art9 = lobbyAndToilet()
        unset(&art9, "system", "acceptance")
        set(&art9, "site", "placeCategory", "art9-other-public")
        let (_, outcome) = try art9.evaluate(profile: try ProfileLoader.load("cn-2025"))
        XCTAssertTrue(outcome.findings.rule("art11-acceptance-unrecorded").isEmpty)
        XCTAssertTrue(outcome.notApplied.contains { $0.article.key == "art11" })
    }

    /// A monitoring room: access control unrecorded → a warning asking for
    /// it; recorded false → a warning that it is missing; true → nothing;
    /// an Art. 9 site is exempt from Art. 16 ¶2 (Art. 9 ¶2).
    func testAMonitoringRoomNeedsItsAccessControlRecorded() throws {
        var b = lobbyAndToilet()
        b.zone("cctv", "monitoring_room", [[0, 10], [4, 10], [4, 14], [0, 14]], ["name": "Control room"])
        let f = try XCTUnwrap(b.check().1.rule("art16-monitoring-room-uncontrolled").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.zoneID, "cctv")
        XCTAssertEqual(f.citation.reference, "Art. 16 ¶2 (ii)")
        XCTAssertTrue(f.message.contains("does not record access control for monitoring room cctv (Control room)"), f.message)
        XCTAssertTrue(f.message(in: .zh).contains("监控室 cctv") && f.message(in: .zh).contains("第十六条第二款第（二）项要求"), f.message(in: .zh))
        XCTAssertEqual(f.consequence.article, "Art. 31")
        func with(_ access: Bool) -> PlanBuilder {
            var c = lobbyAndToilet()
            c.zone("cctv", "monitoring_room", [[0, 10], [4, 10], [4, 14], [0, 14]], ["accessControl": access])
            return c
        }
        XCTAssertTrue(
            try with(false).check().1.rule("art16-monitoring-room-uncontrolled").first?.message.contains("has no access control") ?? false)
        XCTAssertTrue(try with(true).check().1.rule("art16-monitoring-room-uncontrolled").isEmpty)
        set(&b, "site", "placeCategory", "art9-other-public")
        XCTAssertTrue(try b.check().1.rule("art16-monitoring-room-uncontrolled").isEmpty)
    }

    /// A monitoring room north of the lobby (y 10–14 above y 0–10): a clear
    /// window on their shared wall (x 1–3 at y 10) lets the lobby see the
    /// screens → one warning naming room, lobby and window, Art. 16 ¶2 (iv),
    /// marked a judgement; frosted, there is nothing; a glass wall of
    /// 0.1 m on the whole edge, or a point window of 1.2 m at (2, 10), is
    /// the same finding; a window onto an office (staff, not the public) is
    /// none; an Art. 9 site is exempt from Art. 16 ¶2.
    func testMonitoringScreensSeenFromAPublicZoneAreAWarning() throws {
        func plan(_ add: (inout PlanBuilder) -> Void) -> PlanBuilder {
            var b = lobbyAndToilet()
            b.zone("cctv", "monitoring_room", [[0, 10], [4, 10], [4, 14], [0, 14]], ["name": "Control room", "accessControl": true])
            add(&b)
            return b
        }
        let window = plan { $0.opening("w1", "window", [[1, 10], [3, 10]]) }
        let found = try window.check().1.rule("art16-monitoring-screens-exposed")
        XCTAssertEqual(found.count, 1)
        let f = try XCTUnwrap(found.first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.zoneID, "cctv")
        XCTAssertEqual(f.citation.reference, "Art. 16 ¶2 (iv)")
        XCTAssertEqual(f.consequence.article, "Art. 31")
        XCTAssertTrue(
            f.message.hasPrefix(
                "the screens of monitoring room cctv (Control room) can be seen from lobby hall through transparent window w1: Art. 16 ¶2 (iv) requires"
            ),
            f.message)
        XCTAssertTrue(f.message.contains("a judgement for the inspector"), f.message)
        XCTAssertTrue(
            f.message(in: .zh).hasPrefix("从大堂 hall经透明窗 w1可以看到监控室 cctv（Control room）的屏幕：第十六条第二款第（四）项要求"), f.message(in: .zh))
        XCTAssertTrue(f.message(in: .zh).contains("系 Sightline 的判断"), f.message(in: .zh))

        let frosted = plan { $0.opening("w1", "window", [[1, 10], [3, 10]], ["transparent": false]) }
        XCTAssertTrue(try frosted.check().1.rule("art16-monitoring-screens-exposed").isEmpty)
        let glass = plan { $0.wall("glass", [[0, 10], [4, 10]], ["material": "glass", "thickness": 0.1]) }
        XCTAssertEqual(
            try glass.check().1.rule("art16-monitoring-screens-exposed").map(\.message).first?.contains("through glass wall glass"), true)
        let point = plan { $0.add("w2", "opening", ["type": "Point", "coordinates": [2, 10]], ["openingType": "window", "width": 1.2]) }
        XCTAssertEqual(try point.check().1.rule("art16-monitoring-screens-exposed").count, 1)

        var office = lobbyAndToilet()
        office.zone("cctv", "monitoring_room", [[0, 10], [4, 10], [4, 14], [0, 14]], ["accessControl": true])
        office.zone("back", "office", [[4, 10], [8, 10], [8, 14], [4, 14]])
        office.wall("cctv-east", [[4, 10], [4, 14]])
        office.opening("w3", "window", [[4, 11], [4, 13]])
        XCTAssertTrue(try office.check().1.rule("art16-monitoring-screens-exposed").isEmpty)

        var art9 = window
        set(&art9, "site", "placeCategory", "art9-other-public")
        XCTAssertTrue(try art9.check().1.rule("art16-monitoring-screens-exposed").isEmpty)
    }

    /// `check --baseline`: on an Art. 7 venue, the baseline's public-security
    /// camera "police" at (0, 0) looking east (90°) is now at (2, 0) looking
    /// 120°: moved 2.00 m and re-aimed 30°; "police-2" is gone from level
    /// L1; "police-3" is where it was, to 0.05 m and 0.5° (within
    /// Sightline's tolerances). Warnings, each saying authorisation is for
    /// the inspector; Art. 30's fines only on refusing to correct. On an
    /// Art. 9 site the rule is not evaluated (Art. 23 (2) protects Art. 7 cameras).
    func testPublicSecurityCamerasMovedOrRemovedAgainstTheBaselineAreWarnings() throws {
        func site(_ category: String) -> [String: Any] {
            ["name": "Square", "address": "1 Test Road", "placeCategory": category, "operator": ["name": "City", "kind": "unit"]]
        }
        var before = PlanBuilder()
        before.plan["site"] = site("art7-venue")
        before.camera("police", at: [0, 0], ["heading": 90, "publicSecurity": true])
        before.camera("police-2", at: [20, 0], ["heading": 0, "publicSecurity": true])
        before.camera("police-3", at: [40, 0], ["heading": 180, "publicSecurity": true])
        var after = PlanBuilder()
        after.plan["site"] = site("art7-venue")
        after.camera("police", at: [2, 0], ["heading": 120, "publicSecurity": true])
        after.camera("police-3", at: [40.05, 0], ["heading": 180.5, "publicSecurity": true])
        let findings = try after.evaluate(baseline: before).1.findings.rule("art23-public-camera-changed")
        XCTAssertEqual(findings.count, 2)
        let changed = try XCTUnwrap(findings.first { $0.cameraID == "police" })
        XCTAssertEqual(changed.severity, .warning)
        XCTAssertTrue(changed.message.contains("differs from the baseline plan: moved 2.00 m, heading 90.0° → 120.0°"), changed.message)
        XCTAssertTrue(changed.message.contains("Sightline's tolerances of 0.10 m and 1.0°"), changed.message)
        XCTAssertTrue(changed.message(in: .zh).contains("位置移动 2.00 m"), changed.message(in: .zh))
        XCTAssertEqual(changed.consequence.article, "Art. 30")
        XCTAssertTrue(changed.consequence.condition?.contains("without authorisation (擅自)") ?? false)
        let gone = try XCTUnwrap(findings.first { $0.cameraID == nil })
        XCTAssertTrue(gone.message.hasPrefix("public-security camera police-2 of the baseline plan is no longer on level L1"), gone.message)
        // Without a baseline, nothing; on an Art. 9 site, not evaluated.
        XCTAssertTrue(try after.check().1.rule("art23-public-camera-changed").isEmpty)
        after.plan["site"] = site("art9-other-public")
        let (_, outcome) = try after.evaluate(baseline: before)
        XCTAssertTrue(outcome.findings.rule("art23-public-camera-changed").isEmpty)
        XCTAssertTrue(outcome.notEvaluated.contains { $0.rule.hasSuffix("art23-public-camera-changed") })
    }

    // MARK: Obstructing a public-security camera (Art. 23 (2))

    /// A camera at the origin looking east, 90° field, vfov 180 (no blind
    /// zone), range 10: unobstructed, a quarter disc of 25π = 78.54 m²
    /// (less by the chords). A wall at x = 6 leaves the triangle (0,0),
    /// (6,6), (6,−6): 36 m², so 54 % is cut.
    func testAWallCuttingAPublicSecurityCameraIsAWarning() throws {
        var b = PlanBuilder()
        b.camera("police", at: [0, 0], ["heading": 90, "hfov": 90, "vfov": 180, "range": 10, "publicSecurity": true])
        b.wall("hoarding", [[6, -20], [6, 20]])
        let (analysis, findings) = try b.check()
        let open = try XCTUnwrap(analysis.cameras[0].unobstructedArea)
        XCTAssertEqual(open, 25 * .pi, accuracy: 0.01)
        XCTAssertEqual(analysis.cameras[0].viewArea, 36, accuracy: 1e-6)
        let f = try XCTUnwrap(findings.rule("art23-public-camera-obstructed").first)
        XCTAssertEqual(f.area ?? 0, open - 36, accuracy: 1e-6)
        XCTAssertTrue(f.message.contains("54 %"), f.message)
        XCTAssertTrue(f.message.contains("Sightline's obstructionShare setting: the law sets no share"), f.message)
        XCTAssertTrue(f.message.contains("a judgement for the inspector"), "a wall is 遮挡 only if put up after the camera: \(f.message)")
        XCTAssertTrue(f.message(in: .zh).contains("系 Sightline 设定 obstructionShare"), f.message(in: .zh))
        XCTAssertTrue(f.consequence.condition?.contains("a judgement") ?? false, "Art. 30 names 改动、迁移、拆除, not 遮挡")
        var far = PlanBuilder()
        far.camera("police", at: [0, 0], ["heading": 90, "hfov": 90, "vfov": 180, "range": 10, "publicSecurity": true])
        far.wall("hoarding", [[9.5, -1], [9.5, 1]])
        XCTAssertTrue(try far.check().1.rule("art23-public-camera-obstructed").isEmpty)
        // Art. 23 (2) protects equipment installed under Art. 7: on an Art. 9
        // site the same wall is no finding, and the report says why.
        set(&b, "site", "placeCategory", "art9-other-public")
        let (_, outcome) = try b.evaluate()
        XCTAssertTrue(outcome.findings.rule("art23-public-camera-obstructed").isEmpty)
        let reason = try XCTUnwrap(outcome.notEvaluated.first { $0.rule.hasSuffix("art23-public-camera-obstructed") })
        XCTAssertTrue(outcome.notEvaluatedReason(reason.rule, reason.reason, .en).contains("installed under Art. 7"))
    }

    // MARK: 13. Chongqing

    /// The Chongqing items are the translation's words, marker and all
    /// (`../shared/regulations/chongqing-2009-en.txt`, lines 63–73, copied
    /// here), with Sightline's reading only inside square brackets: the
    /// translation's "more clothing, sanitation" is not silently rewritten
    /// as "changing rooms, toilets".
    func testChongqingItemsQuoteTheTranslationAndBracketTheReading() throws {
        let source = [
            "(i) hotels and restaurants, recreational sites;",
            "(ii) Collective and personal accommodation;",
            "(iii) Ablution rooms, more clothing, sanitation and lactation rooms;",
            "(iv) Areas in which personal information may be disclosed in financial, insurance and securities institutions;",
            "(v) Regions where expressions of personal will may be observed in the vicinity of the electoral box, the polling point;",
            "(vi) Other places and regions involving personal privacy.",
        ]
        for (key, line) in zip(["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)"], source) {
            var text = try XCTUnwrap(chongqing.items[key]?.en)
            if let reading = text.range(of: #" \[[^\]]*\]$"#, options: .regularExpression) { text.removeSubrange(reading) }
            if text.hasPrefix("… ") { text.removeFirst(2) }
            XCTAssertEqual(text, String(line.dropLast()), "item (\(key))")
        }
        XCTAssertTrue(
            chongqing.items["(iii)"]?.en.contains("[Sightline's reading of the translation: bathrooms, changing rooms, toilets") ?? false)
    }

    func testChongqingCitationsAndLaterLaw() throws {
        var b = lobbyAndToilet()
        b.camera("cam-wc", at: [12, 5], ["heading": 0])
        let (_, outcome) = try b.evaluate(profile: chongqing)
        let inside = try XCTUnwrap(outcome.findings.rule("art9-camera-inside").first)
        XCTAssertEqual(inside.citation.reference, "Art. 9 (iii) (numbering inferred)")
        XCTAssertTrue(outcome.notes.contains { $0.en.contains("Order No. 799 also applies and prevails") && $0.en.contains("Art. 10") })
        let (_, before) = try b.evaluate(profile: chongqing, asOf: CalendarDate(year: 2020, month: 1, day: 1))
        XCTAssertFalse(before.notes.contains { $0.en.contains("Order No. 799") })
        let marks = try XCTUnwrap(chongqing.rule("cn-chongqing-2009/art10-marks-missing"))
        XCTAssertEqual(marks.citation.reference, "Art. 10 (numbering inferred)")
        XCTAssertTrue(marks.citation.provisions[0].en.contains("the location of the camera equipment is fixed"))
    }

    /// From 2025-04-01 a Chongqing finding lists Order 799's consequence for
    /// the same act first (the unit's ¥10,000–20,000 of Art. 27 ¶1, not the
    /// measures' ¥1,000), then the measures' own, each noted as Sightline's
    /// reading; where Order 799 sets none, the measures' own stands and says so.
    func testChongqingAppliesOrder799sConsequencesFromItsDate() throws {
        var b = lobbyAndToilet()
        b.camera("cam-wc", at: [12, 5], ["heading": 0])
        b.camera("dome", at: [5, 9], ["type": "ptz"])
        let (_, after) = try b.evaluate(profile: chongqing)
        let inside = try XCTUnwrap(after.findings.rule("art9-camera-inside").first)
        XCTAssertEqual(inside.consequences.map(\.article), ["Order 799 Art. 27 ¶1", "Order 799 Art. 27 ¶2", "Art. 24"])
        let unit = try XCTUnwrap(inside.consequence.fines.first)
        XCTAssertEqual([unit.party, unit.minYuan, unit.maxYuan] as [AnyHashable?], ["unit", 10_000, 20_000])
        XCTAssertTrue(inside.consequence.note?.hasSuffix("the State Council regulation prevails") ?? false, inside.consequence.note ?? "")
        XCTAssertTrue(inside.consequences[2].note?.contains("it yields where Order 799 sets one for the same act") ?? false)
        XCTAssertTrue(inside.consequenceSummary(in: .zh).hasPrefix("国务院令第799号第二十七条第一款：没收相关设备设施"))
        // The measures' own, in a Chinese report: no English measure; the
        // Chinese is Sightline's rendering of the translation and says so.
        XCTAssertTrue(inside.consequences[2].summary(in: .zh).hasPrefix("第二十四条：Sightline 据英文译文转述：由公安机关立即拆除；"))
        let ptz = try XCTUnwrap(after.findings.rule("art10-ptz-not-fixed").first)
        XCTAssertEqual(ptz.consequences.map(\.article), ["Art. 10 (numbering inferred)"])
        XCTAssertTrue(ptz.consequence.note?.contains("Order 799 sets no consequence for this act") ?? false)
        // Before Order 799 was in force: the measures alone, unremarked.
        let (_, before) = try b.evaluate(profile: chongqing, asOf: CalendarDate(year: 2020, month: 1, day: 1))
        let then = try XCTUnwrap(before.findings.rule("art9-camera-inside").first)
        XCTAssertEqual(then.consequences.map(\.article), ["Art. 24"])
        XCTAssertFalse(then.consequenceSummary.contains("Order 799"))
    }

    func testChongqingFilingAsksForTheDesignAndTestProgrammes() throws {
        let f = try XCTUnwrap(lobbyAndToilet().check(profile: chongqing).1.rule("art15-filing-incomplete").first)
        XCTAssertTrue(f.message.contains("system.designProgramme") && f.message.contains("system.testReport"), f.message)
        XCTAssertFalse(f.message.contains("retentionDays"))
        var b = lobbyAndToilet()
        set(&b, "system", "designProgramme", "DP-2025-01")
        set(&b, "system", "testReport", "TR-2025-07")
        XCTAssertTrue(try b.check(profile: chongqing).1.rule("art15-filing-incomplete").isEmpty)
    }

    func testChongqingPTZAndHotelCorridors() throws {
        var b = lobbyAndToilet()
        b.camera("dome", at: [5, 9], ["type": "ptz"])
        XCTAssertEqual(try b.check(profile: chongqing).1.rule("art10-ptz-not-fixed").map(\.cameraID), ["dome"])
        // A hotel (guest rooms) whose corridor no camera sees.
        var hotel = PlanBuilder()
        hotel.zone("corridor", "corridor", [[0, 0], [20, 0], [20, 2], [0, 2]])
        hotel.zone("room-1", "guest_room", [[0, 2], [5, 2], [5, 6], [0, 6]])
        hotel.wall("room-wall", [[0, 2], [20, 2]])
        hotel.camera("far", at: [40, 40], ["heading": 0])
        hotel.zone("lobby", "lobby", [[5, 2], [20, 2], [20, 8], [5, 8]])
        let uncovered = try hotel.check(profile: chongqing).1.rule("art8-mandatory-place-uncovered")
        XCTAssertEqual(uncovered.map(\.zoneID), ["corridor"], "(viii) names public corridors and entrances, not lobbies")
        let f = try XCTUnwrap(uncovered.first)
        XCTAssertTrue(f.message.contains("Sightline reads a plan with guest rooms as a hotel's (a judgement"), f.message)
        XCTAssertTrue(f.message(in: .zh).contains("Sightline 设定 minSignageViewArea"), f.message(in: .zh))
        hotel.camera("corridor-cam", at: [0.5, 1], ["heading": 90, "hfov": 60])
        XCTAssertTrue(try hotel.check(profile: chongqing).1.rule("art8-mandatory-place-uncovered").isEmpty)
        // Not a hotel: no duty read from (viii).
        XCTAssertTrue(try lobbyAndToilet().check(profile: chongqing).1.rule("art8-mandatory-place-uncovered").isEmpty)
    }
}
