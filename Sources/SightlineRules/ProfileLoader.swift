import Foundation
import SightlineJSON
import SightlinePlan

/// Reads `sightline-profile/1` files, as strictly as plans are read: every
/// problem is reported with the file and the JSON path, and a profile with
/// any error is refused.
public enum ProfileLoader {
    public static let formatName = "sightline-profile/1"

    /// The profile named `nameOrPath`: a built-in profile id, or a file.
    public static func load(_ nameOrPath: String) throws(ProfileError) -> Profile {
        if let text = BuiltInProfiles.files[nameOrPath] {
            return try load(bytes: Array(text.utf8), file: "\(nameOrPath) (built in)")
        }
        guard nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") else {
            let hint = Suggestion.closest(to: nameOrPath, in: BuiltInProfiles.names).map { "; did you mean `\($0)`?" } ?? ""
            throw ProfileError([
                PlanProblem(
                    file: nameOrPath,
                    message:
                        "no built-in profile of that name (built in: \(BuiltInProfiles.names.joined(separator: ", ")))\(hint); a profile file must end in .json"
                )
            ])
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            throw ProfileError([PlanProblem(file: nameOrPath, message: "no such profile file")])
        }
        return try load(bytes: [UInt8](data), file: nameOrPath)
    }

    public static func load(bytes: [UInt8], file: String) throws(ProfileError) -> Profile {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw ProfileError([PlanProblem(file: file, message: "not valid JSON: \(error)")])
        }
        let log = ProblemLog(file: file)
        guard let object = root.objectValue else {
            throw ProfileError([PlanProblem(file: file, message: "expected a profile object, found \(root.typeName)")])
        }
        let profile = read(PropertyReader(object: object, log: log, feature: nil, path: ""))
        if let profile, log.errors.isEmpty { return profile }
        throw ProfileError(log.errors.isEmpty ? [PlanProblem(file: file, message: "not a profile")] : log.errors)
    }

    // MARK: Reading

    private static func required(_ r: PropertyReader, _ key: String) -> String? {
        if let s = r.string(key), !s.isEmpty { return s }
        if !r.has(key) { r.log.error(nil, r.path(key), "required: a non-empty string") }
        return nil
    }

    private static func text(_ r: PropertyReader?, _ path: String, log: ProblemLog) -> Text? {
        guard let r else {
            log.error(nil, path, "required: an object with `zh` and `en`")
            return nil
        }
        r.warnUnknown(["zh", "en"])
        guard let zh = required(r, "zh"), let en = required(r, "en") else { return nil }
        return Text(zh: zh, en: en)
    }

    private static func entries(_ r: PropertyReader, _ key: String) -> [(String, PropertyReader)] {
        guard let o = r.object(key) else {
            if !r.has(key) { r.log.error(nil, r.path(key), "required: an object") }
            return []
        }
        return o.object.members.compactMap { member in
            guard let value = member.value.objectValue else {
                r.log.error(nil, o.path(member.key), "expected an object, found \(member.value.typeName)")
                return nil
            }
            return (member.key, PropertyReader(object: value, log: r.log, feature: nil, path: o.path(member.key)))
        }
    }

    private static func read(_ r: PropertyReader) -> Profile? {
        let log = r.log
        r.warnUnknown([
            "format", "id", "title", "law", "note", "noteZh", "parameters", "extraCategories", "prohibited", "items",
            "articles", "consequences", "rules", "applicability", "laterLaw",
        ])
        if r.string("format") != formatName {
            log.error(nil, "format", "expected \"\(formatName)\"")
        }
        let id = required(r, "id")
        if let id, id.contains("/") || id.contains(" ") { log.error(nil, "id", "a profile id may not contain `/` or spaces") }
        let title = required(r, "title")
        let law = text(r.object("law"), "law", log: log)
        var parameters = Parameters()
        if let p = r.object("parameters") { readParameters(p, into: &parameters) }

        var extras: [ZoneCategory: String] = [:]
        if let o = r.object("extraCategories") {
            for member in o.object.members {
                let category = ZoneCategory(member.key)
                if ZoneCategory.base.contains(category) {
                    log.error(nil, o.path(member.key), "`\(member.key)` is already a category of the plan format")
                } else if member.key.isEmpty || member.key.contains(" ") {
                    log.error(nil, o.path(member.key), "a category is one word (letters, digits, `_`)")
                }
                extras[category] = member.value.stringValue ?? ""
            }
        }
        let vocabulary = ZoneCategory.base.map(\.rawValue) + extras.keys.map(\.rawValue)

        var items: [String: Text] = [:]
        for (label, item) in entries(r, "items") {
            if let t = text(item, item.path, log: log) { items[label] = t }
        }
        var prohibited: [ZoneCategory: String] = [:]
        if let o = r.object("prohibited") {
            for member in o.object.members {
                guard vocabulary.contains(member.key) else {
                    log.error(
                        nil, o.path(member.key),
                        "unknown zone category: \(Suggestion.expected(member.key, oneOf: vocabulary)), or declare it in `extraCategories`")
                    continue
                }
                guard let item = member.value.stringValue, items[item] != nil else {
                    log.error(
                        nil, o.path(member.key), "expected the label of one of `items` (\(items.keys.sorted().joined(separator: ", ")))")
                    continue
                }
                prohibited[ZoneCategory(member.key)] = item
            }
        } else {
            log.error(nil, "prohibited", "required: an object from zone category to item label")
        }

        var articles: [Article] = []
        for (key, a) in entries(r, "articles") {
            a.warnUnknown(["ref", "title", "titleZh", "appliesTo", "elsewhere"])
            guard let ref = required(a, "ref"), let t = required(a, "title") else { continue }
            var article = Article(key: key, reference: ref, title: t)
            article.titleZh = a.string("titleZh")
            if a.has("appliesTo") {
                article.appliesTo = Set(placeCategories(a, "appliesTo"))
                article.elsewhere = text(a.object("elsewhere"), a.path("elsewhere"), log: log)
            }
            articles.append(article)
        }

        var consequences: [String: ConsequenceSpec] = [:]
        let written = entries(r, "consequences")
        let byKey = Dictionary(written.map { ($0.0, $0.1.object) }, uniquingKeysWith: { first, _ in first })
        for (key, c) in written {
            guard let object = extended(c.object, key: key, among: byKey, log: log, path: c.path) else { continue }
            if let spec = readConsequence(PropertyReader(object: object, log: log, feature: nil, path: c.path)) { consequences[key] = spec }
        }

        var rules: [RuleDefinition] = []
        if let list = r.object["rules"]?.arrayValue {
            var seen = Set<String>()
            for (i, value) in list.enumerated() {
                guard let o = value.objectValue else {
                    log.error(nil, "rules[\(i)]", "expected a rule object")
                    continue
                }
                let rr = PropertyReader(object: o, log: log, feature: nil, path: "rules[\(i)]")
                guard let rule = readRule(rr, profileID: id ?? "", articles: articles, consequences: consequences) else { continue }
                if !seen.insert(rule.id).inserted { log.error(nil, rr.path("id"), "duplicate rule id `\(rule.id)`") }
                rules.append(rule)
            }
        } else {
            log.error(nil, "rules", "required: an array of rules")
        }

        var applicability: [PlaceCategory: Applicability] = [:]
        if let o = r.object("applicability") {
            for member in o.object.members {
                guard let place = PlaceCategory(rawValue: member.key) else {
                    log.error(
                        nil, o.path(member.key),
                        "unknown place category: \(Suggestion.expected(member.key, oneOf: PlaceCategory.allCases.map(\.rawValue)))")
                    continue
                }
                guard let a = member.value.objectValue else {
                    log.error(nil, o.path(member.key), "expected an object")
                    continue
                }
                let ar = PropertyReader(object: a, log: log, feature: nil, path: o.path(member.key))
                ar.warnUnknown(["exempt", "only", "reason", "notes", "publicIfPresent"])
                let keys = Set(articles.map(\.key))
                func groups(_ k: String) -> Set<String>? {
                    guard ar.has(k) else { return nil }
                    guard let list = ar.object[k]?.arrayValue?.compactMap(\.stringValue) else {
                        log.error(nil, ar.path(k), "expected an array of article keys")
                        return nil
                    }
                    for g in list where !keys.contains(g) {
                        log.error(nil, ar.path(k), "unknown article `\(g)`: \(Suggestion.expected(g, oneOf: keys.sorted()))")
                    }
                    return Set(list)
                }
                guard let reason = text(ar.object("reason"), ar.path("reason"), log: log) else { continue }
                var entry = Applicability(exempt: groups("exempt") ?? [], only: groups("only"), reason: reason)
                entry.notes = textList(ar, "notes")
                entry.publicIfPresent = Set(categories(ar, "publicIfPresent", vocabulary: vocabulary))
                applicability[place] = entry
            }
        }

        var laterLaw: LaterLaw?
        if let l = r.object("laterLaw") {
            l.warnUnknown(["from", "note", "profile", "cites", "sameAct", "prevails", "yields", "noneLater"])
            if let from = l.date("from"), let note = text(l.object("note"), l.path("note"), log: log) {
                var law = LaterLaw(from: from, note: note)
                if l.has("profile") { readSameAct(l, into: &law, own: Set(rules.map(\.id)), ownID: id) }
                laterLaw = law
            } else if !l.has("from") {
                log.error(nil, l.path("from"), "required: the date the later law applies from")
            }
        }

        guard let id, let title, let law else { return nil }
        var profile = Profile(
            id: id, title: title, law: law, note: r.string("note"), parameters: parameters, extraCategories: extras,
            prohibited: prohibited, items: items, articles: articles, consequences: consequences, rules: rules,
            applicability: applicability)
        profile.laterLaw = laterLaw
        profile.noteZh = r.string("noteZh")
        return profile
    }

    /// The later law's consequences for the acts this profile's rules find:
    /// `profile` names a built-in profile, `sameAct` maps each of this
    /// profile's rules to that profile's rule for the same act (`null`: it
    /// sets none), `cites` prefixes its articles, and `prevails`, `yields`
    /// and `noneLater` are the notes the report puts on each.
    private static func readSameAct(_ l: PropertyReader, into law: inout LaterLaw, own: Set<String>, ownID: String?) {
        let log = l.log
        guard let laterID = required(l, "profile") else { return }
        guard laterID != ownID, BuiltInProfiles.files[laterID] != nil else {
            log.error(nil, l.path("profile"), "expected another built-in profile (\(BuiltInProfiles.names.joined(separator: ", ")))")
            return
        }
        let later: Profile
        do { later = try load(laterID) } catch {
            log.error(nil, l.path("profile"), "the built-in profile `\(laterID)` does not load")
            return
        }
        let cites = required(l, "cites") ?? laterID
        law.prevails = text(l.object("prevails"), l.path("prevails"), log: log)
        law.yields = text(l.object("yields"), l.path("yields"), log: log)
        law.noneLater = text(l.object("noneLater"), l.path("noneLater"), log: log)
        guard let map = l.object("sameAct") else {
            log.error(nil, l.path("sameAct"), "required: an object mapping this profile's rules to the later profile's")
            return
        }
        // Rule ids are written as in each profile's `rules` (full ids carry
        // the profile's id unless they name a shared group like `coverage/`).
        let full = { (id: String, profile: String) in id.contains("/") ? id : "\(profile)/\(id)" }
        for member in map.object.members {
            let path = map.path(member.key)
            let ruleID = full(member.key, ownID ?? "")
            guard own.contains(ruleID) else {
                log.error(nil, path, "no rule `\(member.key)` in this profile")
                continue
            }
            if member.value == .null {
                law.sameAct[ruleID] = []
                continue
            }
            guard let laterRule = member.value.stringValue.flatMap({ later.rule(full($0, laterID)) }) else {
                let found = member.value.stringValue.map { "`\($0)`" } ?? member.value.typeName
                log.error(nil, path, "expected a rule id of `\(laterID)` or null, found \(found)")
                continue
            }
            law.sameAct[ruleID] = laterRule.consequences.compactMap { key in
                later.consequences[key].map { spec in
                    var cited = spec
                    cited.article = "\(cites) \(spec.article)"
                    return cited
                }
            }
        }
    }

    private static func strings(_ r: PropertyReader, _ key: String) -> [String] {
        guard r.has(key) else { return [] }
        guard let list = r.object[key]?.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
            r.log.error(nil, r.path(key), "expected an array of strings")
            return []
        }
        return list.compactMap(\.stringValue)
    }

    private static func placeCategories(_ r: PropertyReader, _ key: String) -> [PlaceCategory] {
        strings(r, key).compactMap { word in
            if let place = PlaceCategory(rawValue: word) { return place }
            r.log.error(
                nil, r.path(key), "unknown place category: \(Suggestion.expected(word, oneOf: PlaceCategory.allCases.map(\.rawValue)))")
            return nil
        }
    }

    private static func categories(_ r: PropertyReader, _ key: String, vocabulary: [String]) -> [ZoneCategory] {
        strings(r, key).compactMap { word in
            if vocabulary.contains(word) { return ZoneCategory(word) }
            r.log.error(nil, r.path(key), "unknown zone category: \(Suggestion.expected(word, oneOf: vocabulary))")
            return nil
        }
    }

    private static func textList(_ r: PropertyReader, _ key: String) -> [Text] {
        guard r.has(key) else { return [] }
        guard let list = r.object[key]?.arrayValue else {
            r.log.error(nil, r.path(key), "expected an array of { zh, en } objects")
            return []
        }
        return list.enumerated().compactMap { i, value in
            let path = "\(r.path(key))[\(i)]"
            return text(value.objectValue.map { PropertyReader(object: $0, log: r.log, feature: nil, path: path) }, path, log: r.log)
        }
    }

    private static func readParameters(_ p: PropertyReader, into out: inout Parameters) {
        p.warnUnknown([
            "minIntrusionArea", "consentDistance", "minConsentViewArea", "signDistance", "minSignageViewArea",
            "minOffSiteArea", "retentionDays", "filingDays", "preexistingBefore", "preexistingFilingDue",
            "overRetentionDays", "obstructionShare", "holidays", "workdays", "holidaySource", "holidaySourceZh", "filingData",
        ])
        if p.has("filingData") {
            out.filingData = strings(p, "filingData").compactMap { word in
                if let datum = FilingDatum(rawValue: word) { return datum }
                p.log.error(
                    nil, p.path("filingData"), "unknown datum: \(Suggestion.expected(word, oneOf: FilingDatum.allCases.map(\.rawValue)))")
                return nil
            }
        }
        if let v = p.number("overRetentionDays", in: 1...100_000, what: "days") { out.overRetentionDays = Int(v) }
        if let v = p.number("obstructionShare", in: 0...1, openLower: true, what: "a share of the view, 0…1") { out.obstructionShare = v }
        out.holidaySource = p.string("holidaySource")
        out.holidaySourceZh = p.string("holidaySourceZh")
        for (i, range) in strings(p, "holidays").enumerated() {
            // "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD", inclusive.
            let ends = range.split(separator: "/").map { CalendarDate(iso: String($0)) }
            guard (1...2).contains(ends.count), let first = ends.first ?? nil, let last = ends.last ?? nil, first <= last else {
                p.log.error(nil, "\(p.path("holidays"))[\(i)]", "expected YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD, found `\(range)`")
                continue
            }
            out.holidays.append(first.dayNumber...last.dayNumber)
        }
        for (i, day) in strings(p, "workdays").enumerated() {
            guard let date = CalendarDate(iso: day) else {
                p.log.error(nil, "\(p.path("workdays"))[\(i)]", "expected YYYY-MM-DD, found `\(day)`")
                continue
            }
            out.workdays.insert(date.dayNumber)
        }
        if let v = p.number("minIntrusionArea", in: 0...1e6, openLower: true, what: "m²") { out.minIntrusionArea = v }
        if let v = p.number("consentDistance", in: 0...1e6, what: "metres") { out.consentDistance = v }
        if let v = p.number("minConsentViewArea", in: 0...1e6, openLower: true, what: "m²") { out.minConsentViewArea = v }
        if let v = p.number("signDistance", in: 0...1e4, what: "metres") { out.signDistance = v }
        if let v = p.number("minSignageViewArea", in: 0...1e6, openLower: true, what: "m²") { out.minSignageViewArea = v }
        if let v = p.number("minOffSiteArea", in: 0...1e6, openLower: true, what: "m²") { out.minOffSiteArea = v }
        if let v = p.number("retentionDays", in: 0...100_000, what: "days") {
            if v == v.rounded() { out.retentionDays = Int(v) } else { p.log.error(nil, p.path("retentionDays"), "expected whole days") }
        }
        if p.object["filingDays"] == .null {
            out.filingDays = nil
        } else if let v = p.number("filingDays", in: 0...100_000, what: "days") {
            if v == v.rounded() { out.filingDays = Int(v) } else { p.log.error(nil, p.path("filingDays"), "expected whole days") }
        }
        if p.object["preexistingBefore"] == .null {
            out.preexistingBefore = nil
        } else if let d = p.date("preexistingBefore") {
            out.preexistingBefore = d
        }
        if p.object["preexistingFilingDue"] == .null {
            out.preexistingFilingDue = nil
        } else if let d = p.date("preexistingFilingDue") {
            out.preexistingFilingDue = d
        }
    }

    /// A consequence with `extends`: the named consequence's members (itself
    /// resolved the same way), this one's replacing them, so one penalty is
    /// quoted once and read two ways (Art. 30 for obstruction and for
    /// moves). `nil`, with an error, for an unknown key or a cycle.
    private static func extended(
        _ object: JSONObject, key: String, among all: [String: JSONObject], log: ProblemLog, path: String, seen: Set<String> = []
    ) -> JSONObject? {
        guard let base = object["extends"]?.stringValue else { return object }
        guard !seen.contains(base), base != key, let inherited = all[base] else {
            log.error(nil, "\(path).extends", all[base] == nil ? "no consequence `\(base)`" : "`extends` goes round in a circle")
            return nil
        }
        guard var merged = extended(inherited, key: base, among: all, log: log, path: path, seen: seen.union([key])) else { return nil }
        for member in object.members where member.key != "extends" { merged[member.key] = member.value }
        return merged
    }

    private static func readConsequence(_ c: PropertyReader) -> ConsequenceSpec? {
        c.warnUnknown(["article", "liable", "measures", "fines", "condition", "conditionZh", "note", "noteZh", "extends"])
        guard let article = required(c, "article") else { return nil }
        var measures: [String] = []
        if c.has("measures") {
            if let list = c.object["measures"]?.arrayValue, list.allSatisfy({ $0.stringValue != nil }) {
                measures = list.compactMap(\.stringValue)
            } else {
                c.log.error(nil, c.path("measures"), "expected an array of strings")
            }
        }
        var fines: [String: FineSpec] = [:]
        if let f = c.object("fines") {
            for member in f.object.members {
                guard ["unit", "individual", "operator", "responsible"].contains(member.key) else {
                    c.log.error(
                        nil, f.path(member.key),
                        "unknown party: \(Suggestion.expected(member.key, oneOf: ["unit", "individual", "operator", "responsible"]))")
                    continue
                }
                guard let o = member.value.objectValue else {
                    c.log.error(nil, f.path(member.key), "expected an object")
                    continue
                }
                let fr = PropertyReader(object: o, log: c.log, feature: nil, path: f.path(member.key))
                fr.warnUnknown(["min", "max", "note", "noteZh"])
                let lo = fr.number("min", in: 0...1e12, what: "yuan")
                let hi = fr.number("max", in: 0...1e12, what: "yuan")
                if lo == nil, hi == nil, !fr.has("note") {
                    c.log.error(nil, fr.path, "a fine needs `min`, `max` or a `note` saying why neither is known")
                }
                if let lo, let hi, lo > hi { c.log.error(nil, fr.path("min"), "min is above max") }
                fines[member.key] = FineSpec(
                    minYuan: lo.map { Int($0) }, maxYuan: hi.map { Int($0) }, note: fr.string("note"), noteZh: fr.string("noteZh"))
            }
        }
        var spec = ConsequenceSpec(
            article: article, measures: measures, fines: fines, condition: c.string("condition"), note: c.string("note"))
        (spec.conditionZh, spec.noteZh) = (c.string("conditionZh"), c.string("noteZh"))
        if let liable = c.choice("liable", LiableParty.self) { spec.liable = liable }
        return spec
    }

    private static func readRule(
        _ r: PropertyReader, profileID: String, articles: [Article],
        consequences: [String: ConsequenceSpec]
    ) -> RuleDefinition? {
        r.warnUnknown(["id", "check", "severity", "article", "title", "description", "citation", "consequence", "categories", "ifPlanHas"])
        guard let id = required(r, "id") else { return nil }
        guard r.has("check") else {
            r.log.error(nil, r.path("check"), "required: \(Suggestion.expected("", oneOf: CheckKind.allCases.map(\.rawValue)))")
            return nil
        }
        guard let check = r.choice("check", CheckKind.self) else { return nil }
        guard
            let severity = r.choice("severity", Severity.self)
                ?? {
                    r.log.error(nil, r.path("severity"), "required: error, warning or info")
                    return nil
                }()
        else { return nil }
        guard let article = required(r, "article") else { return nil }
        if !articles.contains(where: { $0.key == article }) {
            r.log.error(nil, r.path("article"), "unknown article `\(article)`: \(Suggestion.expected(article, oneOf: articles.map(\.key)))")
        }
        // One consequence key, or a list: the violation's, then further duties'.
        let keys = r.object["consequence"]?.arrayValue != nil ? strings(r, "consequence") : required(r, "consequence").map { [$0] } ?? []
        guard !keys.isEmpty else { return nil }
        for key in keys where consequences[key] == nil {
            r.log.error(
                nil, r.path("consequence"), "unknown consequence `\(key)`: \(Suggestion.expected(key, oneOf: consequences.keys.sorted()))")
        }
        guard let c = r.object("citation") else {
            r.log.error(nil, r.path("citation"), "required: { ref, zh, en } or { provisions: [...] }")
            return nil
        }
        guard let citation = readCitation(c), let title = required(r, "title"), let description = required(r, "description") else {
            return nil
        }
        let fullID = id.contains("/") ? id : "\(profileID)/\(id)"
        var rule = RuleDefinition(
            id: fullID, check: check, severity: severity, article: article, title: title,
            description: description, citation: citation, consequences: keys)
        rule.categories = strings(r, "categories").map { ZoneCategory($0) }
        rule.ifPlanHas = Set(strings(r, "ifPlanHas").map { ZoneCategory($0) })
        return rule
    }

    /// `{ ref, zh, en }` for one provision, or `{ provisions: [{ ref, zh, en }, …] }`.
    private static func readCitation(_ c: PropertyReader) -> CitationTemplate? {
        func provision(_ p: PropertyReader) -> CitationTemplate.Provision? {
            p.warnUnknown(["ref", "zh", "en"])
            guard let ref = required(p, "ref"), let zh = required(p, "zh"), let en = required(p, "en") else { return nil }
            return CitationTemplate.Provision(reference: ref, zh: zh, en: en)
        }
        guard c.has("provisions") else { return provision(c).map { CitationTemplate(provisions: [$0]) } }
        c.warnUnknown(["provisions"])
        guard let list = c.object["provisions"]?.arrayValue, !list.isEmpty else {
            c.log.error(nil, c.path("provisions"), "expected a non-empty array of { ref, zh, en }")
            return nil
        }
        var provisions: [CitationTemplate.Provision] = []
        for (i, value) in list.enumerated() {
            let path = "\(c.path("provisions"))[\(i)]"
            guard let o = value.objectValue else {
                c.log.error(nil, path, "expected { ref, zh, en }")
                return nil
            }
            guard let p = provision(PropertyReader(object: o, log: c.log, feature: nil, path: path)) else { return nil }
            provisions.append(p)
        }
        return CitationTemplate(provisions: provisions)
    }
}
