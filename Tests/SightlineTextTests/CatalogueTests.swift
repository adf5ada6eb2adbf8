import SightlineText
import XCTest

/// The catalogues: every phrase in every language, with the same slots, and
/// the Chinese forms of references, dates and the language's choice.
final class CatalogueTests: XCTestCase {
    private func slots(_ text: String) -> Set<String> {
        Set((0..<10).map { "{\($0)}" }.filter { text.contains($0) })
    }

    func testEveryPhraseIsInEveryCatalogueWithTheSameSlots() {
        for phrase in Phrase.allCases {
            let en = Catalogue.table(.en)[phrase]
            let zh = Catalogue.table(.zh)[phrase]
            XCTAssertNotNil(en, "\(phrase) has no English")
            XCTAssertNotNil(zh, "\(phrase) has no Chinese")
            if let en, let zh { XCTAssertEqual(slots(en), slots(zh), "\(phrase): the languages fill different slots") }
        }
        XCTAssertEqual(Catalogue.table(.en).count, Phrase.allCases.count)
        XCTAssertEqual(Catalogue.table(.zh).count, Phrase.allCases.count)
    }

    func testSlotsAreFilledInOrder() {
        XCTAssertEqual(Language.en.t(.messageCameraSees, "cam1", "6.00", "toilet wc"), "camera cam1 sees 6.00 m² inside toilet wc")
        XCTAssertEqual(Language.zh.t(.messageCameraSees, "cam1", "6.00", "卫生间 wc"), "摄像机 cam1 可拍摄到卫生间 wc内 6.00 m²")
        XCTAssertEqual(Language.en.count(1, .camerasOne, .camerasMany), "1 camera")
        XCTAssertEqual(Language.en.count(2, .camerasOne, .camerasMany), "2 cameras")
    }

    func testReferencesAreWrittenAsChineseLawCitesThem() {
        XCTAssertEqual(ArticleReference.zh("Art. 8 ¶1 (iv)"), "第八条第一款第（四）项")
        XCTAssertEqual(ArticleReference.zh("Art. 8 ¶1 (iii); Art. 13"), "第八条第一款第（三）项；第十三条")
        XCTAssertEqual(ArticleReference.zh("Art. 27 ¶2"), "第二十七条第二款")
        XCTAssertEqual(ArticleReference.zh("Art. 23 (2)"), "第二十三条第（二）项")
        XCTAssertEqual(ArticleReference.zh("Art. 10 (numbering inferred)"), "第十条（条号系推定）")
        XCTAssertEqual(ArticleReference.zh("Art. 20 (ii) (numbering inferred)"), "第二十条第（二）项（条号系推定）")
        XCTAssertEqual(ArticleReference.zh("design requirement (numbering inferred)"), "design requirement (numbering inferred)")
        XCTAssertEqual(ZoneCategoryNames.name("military_restricted", .zh), "军事禁区")
        XCTAssertEqual(ZoneCategoryNames.name("confidential_unit", .en), "confidential unit")
        XCTAssertEqual(ArticleReference.zh("Art. 10"), "第十条")
        XCTAssertEqual(ArticleReference.zh("Art. 33"), "第三十三条")
        XCTAssertEqual(ArticleReference.zh("Civil Code Art. 203"), "Civil Code Art. 203", "what it does not understand stays as it is")
    }

    func testTheChoiceOfLanguage() {
        let resolve = { (option: Language?, site: String?, env: [String: String], profile: String) in
            Language.resolve(option: option, siteLocale: site, environment: env, profileID: profile)
        }
        XCTAssertEqual(resolve(.en, "zh-CN", ["LANG": "zh_CN.UTF-8"], "cn-2025"), .en, "--lang wins")
        XCTAssertEqual(resolve(nil, "zh-CN", ["LANG": "en_US.UTF-8"], "cn-2025"), .zh, "then the site's locale")
        XCTAssertEqual(resolve(nil, nil, ["LANG": "en_GB.UTF-8"], "cn-2025"), .en, "then LANG")
        XCTAssertEqual(resolve(nil, nil, ["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], "custom"), .zh, "LC_ALL before LANG")
        XCTAssertEqual(resolve(nil, nil, ["LANG": "C.UTF-8"], "cn-2025"), .zh, "a C locale: Chinese for a Chinese rulebook")
        XCTAssertEqual(resolve(nil, nil, [:], "custom-profile"), .en)
    }
}

/// The one-pass slot filler against the obvious one (replace each `{n}`).
final class CatalogueFillTests: XCTestCase {
    func testFillingMatchesReplacingEachSlot() {
        let cases: [(String, [String])] = [
            ("camera {0} sees {1} m² inside {2}", ["cam1", "6.00", "卫生间 wc"]),
            ("{1}{0}", ["a", "b"]), ("{0}{0}", ["x"]), ("no slots", ["x"]), ("{3} stays", ["a"]), ("{x} {} {0", ["a"]),
            ("{0}", ["{1}"]), ("第{0}条（{1}）", ["八", "一"]), ("{10}", Array(repeating: "v", count: 11)),
        ]
        for (template, values) in cases {
            // Highest slot first, so {1} is not taken for the start of {10}; a value
            // holding "{1}" is replaced last ({0}), so it is never read as a slot.
            var expected = template
            for (i, v) in values.enumerated().reversed() { expected = expected.replacingOccurrences(of: "{\(i)}", with: v) }
            XCTAssertEqual(Catalogue.fill(template, values), expected, template)
        }
    }
}
