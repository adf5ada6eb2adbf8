import SightlinePlan
import SightlineText

/// A rulebook, loaded from a profile file: which rules run, with which
/// parameters, which zone categories are private, and the texts and
/// consequences the findings quote. Nothing about a jurisdiction is in Swift.
public struct Profile: Sendable {
    public var id: String
    public var title: String
    /// The law, as cited in reports.
    public var law: Text
    /// A caveat the report repeats (e.g. "the English is a rough machine translation").
    public var note: String?
    /// The caveat in Chinese (`noteZh`).
    public var noteZh: String? = nil
    public var parameters: Parameters
    /// Zone categories this profile adds to the plan format's vocabulary.
    public var extraCategories: [ZoneCategory: String]
    /// Private categories, each with the item of the article that names it.
    public var prohibited: [ZoneCategory: String]
    /// The texts of those items, by item label, e.g. `(iii)`.
    public var items: [String: Text]
    /// Article groups the rules rest on (`art8`, `art14`, …), for the
    /// applied / not applied list.
    public var articles: [Article]
    public var consequences: [String: ConsequenceSpec]
    public var rules: [RuleDefinition]
    /// Articles not applied for a place category, and why.
    public var applicability: [PlaceCategory: Applicability]
    /// A later law that also governs the plan from a date on (Order 799 over
    /// the Chongqing measures), and what this profile alone would miss.
    public var laterLaw: LaterLaw? = nil

    public var prohibitedCategories: Set<ZoneCategory> { Set(prohibited.keys) }

    /// The seen area the signage rule judges zones by, or `nil` when the
    /// profile has no such rule (the engine then skips the measure).
    public var zoneViewThreshold: Double? {
        rules.contains { $0.check == .signageMissing } ? parameters.minSignageViewArea : nil
    }

    public func rule(_ id: String) -> RuleDefinition? { rules.first { $0.id == id } }
}

/// Chinese and English text.
public struct Text: Sendable, Equatable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// A catalogue phrase in both languages, its slots filled for each.
    public init(_ phrase: Phrase, _ values: (Language) -> [String] = { _ in [] }) {
        self.init(zh: Catalogue.text(phrase, .zh, values(.zh)), en: Catalogue.text(phrase, .en, values(.en)))
    }
}

public struct Article: Sendable, Equatable {
    /// The group key rules refer to, e.g. `art14`.
    public var key: String
    /// As cited, e.g. `Art. 14`.
    public var reference: String
    public var title: String
    /// The title in Chinese (`titleZh`).
    public var titleZh: String? = nil
    /// The place categories the article is about (Art. 33: non-public
    /// places only); `nil` is every place the applicability allows.
    public var appliesTo: Set<PlaceCategory>? = nil
    /// Why it is not applied elsewhere, quoted.
    public var elsewhere: Text? = nil

    public init(key: String, reference: String, title: String, appliesTo: Set<PlaceCategory>? = nil, elsewhere: Text? = nil) {
        self.key = key
        self.reference = reference
        self.title = title
        self.appliesTo = appliesTo
        self.elsewhere = elsewhere
    }
}

/// Thresholds and dates, all with units in their names.
public struct Parameters: Sendable, Equatable {
    /// Smallest view overlap with a private zone that is a finding (m²).
    public var minIntrusionArea = 0.01
    /// Cameras this near a restricted area need consent (m, horizontal).
    public var consentDistance = 100.0
    /// Smallest view overlap with a restricted area that needs consent (m²).
    public var minConsentViewArea = 0.01
    /// A sign this near an opening on a zone's boundary serves the zone (m).
    public var signDistance = 5.0
    /// A zone needs a sign once the cameras see this much of it (m²).
    public var minSignageViewArea = 1.0
    /// Smallest view area outside the site boundary that is a finding (m²).
    public var minOffSiteArea = 1.0
    /// Shortest lawful retention (days).
    public var retentionDays = 30
    /// Days after commissioning by which the system must be filed.
    public var filingDays: Int? = 30
    /// Systems in use before this date are pre-existing…
    public var preexistingBefore: CalendarDate? = CalendarDate(year: 2025, month: 4, day: 1)
    /// …and must be filed by this date.
    public var preexistingFilingDue: CalendarDate? = CalendarDate(year: 2025, month: 6, day: 30)
    /// Retention this long (days) without a stated `retentionBasis` is a
    /// warning: footage that served its purpose must be deleted; `nil`: not checked.
    public var overRetentionDays: Int? = nil
    /// A public-security camera whose view walls cut by more than this share
    /// (0…1) is obstructed; `nil`: not checked.
    public var obstructionShare: Double? = nil
    /// What the filing record needs from the plan (a subset of
    /// ``FilingDatum``): Order 799 Art. 14's basic information by default.
    public var filingData: [FilingDatum] = [.operatorName, .address, .retentionDays, .cameras]
    /// Statutory holidays (inclusive ranges) a deadline may fall on.
    public var holidays: [ClosedRange<Int>] = []
    /// Make-up working days (调休上班): a Saturday or Sunday the holiday
    /// notices declare a working day, by day number.
    public var workdays: Set<Int> = []
    /// Where the holiday list comes from, quoted in the note.
    public var holidaySource: String? = nil
    /// The same in Chinese.
    public var holidaySourceZh: String? = nil
    public init() {}

    /// Whether `date` is a Saturday, a Sunday or a listed holiday, and not
    /// a make-up working day.
    public func isRestDay(_ date: CalendarDate) -> Bool {
        if workdays.contains(date.dayNumber) { return false }
        // 1970-01-01 was a Thursday: day numbers 2 and 3 (mod 7) are Saturday and Sunday.
        let weekday = ((date.dayNumber % 7) + 7) % 7
        return weekday == 2 || weekday == 3 || holidays.contains { $0.contains(date.dayNumber) }
    }

    /// The first working day after `date` (at most a month on: no rest
    /// period is longer).
    public func firstWorkingDay(after date: CalendarDate) -> CalendarDate {
        var day = date.adding(days: 1)
        for _ in 0..<31 where isRestDay(day) { day = day.adding(days: 1) }
        return day
    }
}

/// A datum a filing needs, and where the plan holds it.
public enum FilingDatum: String, Sendable, CaseIterable {
    case operatorName, address, retentionDays, cameras, designProgramme, testReport
}

/// The computations a rule can ask for. The set is fixed in code; which
/// of them run, under what id, severity and article, is the profile's.
public enum CheckKind: String, Sendable, CaseIterable {
    case cameraInside = "camera-inside"
    case viewIntrusion = "view-intrusion"
    case viewMasked = "view-masked"
    case audioIntrusion = "audio-intrusion"
    case consentMissing = "consent-missing"
    case signageMissing = "signage-missing"
    case viewBeyondSite = "view-beyond-site"
    case viewBeyondProperty = "view-beyond-property"
    case filingOverdue = "filing-overdue"
    case filingIncomplete = "filing-incomplete"
    case retentionShort = "retention-short"
    case coverageUncovered = "coverage-uncovered"
    case installerUnauthorized = "installer-unauthorized"
    case placeContradiction = "place-category-contradiction"
    case viewIntoOccupied = "view-occupied-by-others"
    case filingChangeUnfiled = "filing-change-unfiled"
    case retentionExcessive = "retention-excessive"
    case publicCameraObstructed = "public-camera-obstructed"
    case ptzNotFixed = "ptz-not-fixed"
    case mandatoryPlaceUncovered = "mandatory-place-uncovered"
    case privacyNotEvaluated = "privacy-not-evaluated"
    case audioIntoOccupied = "audio-occupied-by-others"
    case viewIntoRestricted = "view-restricted-area"
    case inspectionUnrecorded = "inspection-unrecorded"
    case acceptanceUnrecorded = "acceptance-unrecorded"
    case monitoringRoomUncontrolled = "monitoring-room-uncontrolled"
    case monitoringScreensExposed = "monitoring-screens-exposed"
    case publicCameraChanged = "public-camera-changed"
}

/// One rule of a profile.
public struct RuleDefinition: Sendable, Equatable {
    /// The full id, e.g. `cn-2025/art8-view-intrusion` or `coverage/required-uncovered`.
    public var id: String
    public var check: CheckKind
    public var severity: Severity
    /// The article group, for applicability (`art8`, `coverage`, …).
    public var article: String
    public var title: String
    public var description: String
    /// Citation template: `{item}`, `{item.zh}` and `{item.en}` are replaced
    /// by the Art. 8-style item a zone's category falls under.
    public var citation: CitationTemplate
    /// Keys into ``Profile/consequences``: what the law sets for the
    /// violation, then further duties' consequences (Art. 27 ¶2 for the
    /// operator who fails to inspect).
    public var consequences: [String]
    /// Zone categories a rule is about (Chongqing's mandatory places)…
    public var categories: [ZoneCategory] = []
    /// …on plans holding a zone of one of these (a hotel: guest rooms).
    public var ifPlanHas: Set<ZoneCategory> = []
    /// The primary consequence's key.
    public var consequence: String { consequences.first ?? "" }
}

/// The provisions a rule rests on, each quoted verbatim; placeholders
/// `{item}`, `{item.zh}`, `{item.en}` are filled with the Art. 8-style item
/// of the zone's category.
public struct CitationTemplate: Sendable, Equatable {
    public struct Provision: Sendable, Equatable {
        public var reference: String
        public var zh: String
        public var en: String
    }
    public var provisions: [Provision]

    /// The references of all provisions, `; `-separated (templates unfilled).
    public var reference: String { provisions.map(\.reference).joined(separator: "; ") }

    func resolve(item: String?, text: Text?) -> Citation {
        func fill(_ s: String) -> String {
            guard s.utf8.contains(UInt8(ascii: "{")) else { return s }
            return s.replacingOccurrences(of: "{item.zh}", with: text?.zh ?? "")
                .replacingOccurrences(of: "{item.en}", with: text?.en ?? "")
                .replacingOccurrences(of: "{item}", with: item ?? "")
        }
        return Citation(
            provisions: provisions.map {
                Citation.Provision(reference: fill($0.reference), zh: fill($0.zh), en: fill($0.en))
            })
    }
}

/// The party an article fines: the one who broke the law, as the article
/// names it.
public enum LiableParty: String, Sendable, CaseIterable {
    /// Whoever installed the camera (Art. 26, Art. 27 ¶1: 违反本条例规定安装…的).
    case installer
    /// Whoever runs the place and has the duty of daily management and
    /// inspection (Art. 27 ¶2, Art. 8 ¶2).
    case manager
    /// The site's operator (`site.operator`): every other article.
    case `operator`
}

/// What the law sets, before the liable party's kind is known.
public struct ConsequenceSpec: Sendable, Equatable {
    public var article: String
    /// Whom the fines are for (`liable` in the profile; `operator` when unsaid).
    public var liable: LiableParty = .operator
    public var measures: [String]
    /// Fines by party: `unit`, `individual`, `operator` (either kind), `responsible`.
    public var fines: [String: FineSpec]
    public var condition: String?
    public var note: String?
    /// The condition and note in Chinese (`conditionZh`, `noteZh`).
    public var conditionZh: String? = nil
    public var noteZh: String? = nil

    /// The consequence for an operator of `kind`: its own fine, then, for a
    /// unit only, its directly responsible persons' ("对其直接负责的主管人员
    /// 和其他直接责任人员": 其 is the unit, so an individual has none).
    ///
    /// - Parameter payer: the liable party's name, when it is not the site's operator.
    public func resolve(for kind: OperatorKind, payer: String? = nil) -> Consequence {
        var fines: [Fine] = []
        if let own = self.fines[kind.rawValue] ?? self.fines["operator"] {
            var fine = Fine(party: kind.rawValue, minYuan: own.minYuan, maxYuan: own.maxYuan, note: own.note, noteZh: own.noteZh)
            fine.payer = payer
            fines.append(fine)
        }
        if kind == .unit, let responsible = self.fines["responsible"] {
            fines.append(
                Fine(
                    party: "directly responsible persons", minYuan: responsible.minYuan,
                    maxYuan: responsible.maxYuan, note: responsible.note, noteZh: responsible.noteZh))
        }
        var out = Consequence(article: article, measures: measures, fines: fines, condition: condition, note: note)
        (out.conditionZh, out.noteZh) = (conditionZh, noteZh)
        return out
    }
}

public struct FineSpec: Sendable, Equatable {
    public var minYuan: Int?
    public var maxYuan: Int?
    /// Why a bound is missing or uncertain.
    public var note: String?
    public var noteZh: String? = nil
}

/// Which article groups a place category leaves out, and why.
public struct Applicability: Sendable, Equatable {
    /// Groups not applied…
    public var exempt: Set<String>
    /// …or, when set, the only groups applied.
    public var only: Set<String>?
    public var reason: Text
    /// Remarks every report for this place repeats (who is liable, what the
    /// user decides), each a judgement, not law text.
    public var notes: [Text] = []
    /// Zone categories that make a place public whatever the plan says (a
    /// homestay's guest rooms: 经营接待食宿场所, Art. 8 ¶1 (i)).
    public var publicIfPresent: Set<ZoneCategory> = []

    public func applies(_ article: String) -> Bool {
        if let only { return only.contains(article) }
        return !exempt.contains(article)
    }
}

extension Profile {
    /// The caveat in `language`: the Chinese where the profile gives it.
    public func note(in language: Language) -> String? { language == .zh ? (noteZh ?? note) : note }
}

extension Article {
    /// The title in `language`: the Chinese where the profile gives it.
    public func title(in language: Language) -> String { language == .zh ? (titleZh ?? title) : title }
}
