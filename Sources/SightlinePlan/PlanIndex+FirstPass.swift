import PlanarGeometry
import SightlineJSON

extension PlanIndex {
    /// What the first pass over a plan file gathers: the document's root
    /// without its features, and of each feature where its text lies, its
    /// level, a hash of its id and a zone's category; the site-wide
    /// features whole.
    struct FirstPass {
        var root: JSONValue
        let log: ProblemLog
        /// Read by the skimmer (``PlanSkimmer``), which reads no positions:
        /// ``box`` is unknown.
        var skimmed = false
        /// Two ids with one hash are taken for a repeat: the whole decode
        /// then says whether they are.
        private(set) var repeatedID = false
        private var ids = Set<Int>()
        private var levelSlots: [String: Int] = [:]
        /// The levels the features name, in order of first use.
        private(set) var levelNames: [String] = []
        /// The features of each level named, by order of first use; and
        /// those that name none.
        var named: [[Span]] = []
        private(set) var unnamed: [Span] = []
        private(set) var siteRaws: [RawFeature] = []
        private(set) var categories = Set<String>()
        /// The bounds of every position (parsed features only).
        private(set) var box: Box?
        /// How far the pass has let the file's pages go.
        private var released = 0

        init(root: JSONValue, log: ProblemLog) {
            self.root = root
            self.log = log
        }

        /// Takes in a feature of a level (or to be put on the only one).
        private mutating func add(id: String, level: String?, category: String?, span: Span) {
            if !ids.insert(id.hashValue).inserted { repeatedID = true }
            if let category { categories.insert(category) }
            guard let level else {
                unnamed.append(span)
                return
            }
            if let slot = levelSlots[level] {
                named[slot].append(span)
            } else {
                levelSlots[level] = levelNames.count
                levelNames.append(level)
                named.append([span])
            }
        }

        /// Takes in a site-wide feature, whole; its level, if it names one,
        /// must be a level of the plan too.
        private mutating func add(site raw: RawFeature) {
            if !ids.insert(raw.id.hashValue).inserted { repeatedID = true }
            if let level = raw.level, levelSlots[level] == nil {
                levelSlots[level] = levelNames.count
                levelNames.append(level)
                named.append([])
            }
            siteRaws.append(raw)
        }

        /// Lets the pages before `offset` go, a mebibyte at a time.
        private mutating func passed(_ offset: Int, release: (Range<Int>) -> Void) {
            guard offset - released >= 1 << 20 else { return }
            release(released..<offset)
            released = offset
        }

        /// The first pass by parsing every feature into a tree (positions
        /// and all), and letting it go; `nil` when the document is not JSON.
        static func parsing(_ bytes: UnsafeBufferPointer<UInt8>, file: String, release: @escaping (Range<Int>) -> Void) -> FirstPass? {
            var pass = FirstPass(root: .null, log: ProblemLog(file: file))
            do {
                pass.root = try JSONParser.parse(
                    bytes,
                    eachFeature: { value, index, range in
                        pass.passed(range.lowerBound, release: release)
                        guard let raw = RawFeature.read(value, index: index, log: pass.log) else { return }
                        raw.geometry?.forEachPosition { pass.box.include($0) }
                        if raw.needsLevel {
                            let category = raw.kind == .zone ? raw.properties["category"]?.stringValue : nil
                            pass.add(id: raw.id, level: raw.level, category: category, span: Span(range: range, index: index))
                        } else {
                            pass.add(site: raw)
                        }
                    }, validated: release)
            } catch {
                return nil
            }
            release(pass.released..<bytes.count)
            return pass
        }

        /// The first pass by skimming (``PlanSkimmer``): site-wide features
        /// are parsed, the others' texts only walked; `nil` when the
        /// document is not valid UTF-8 or the skimmer gives up.
        static func skimming(_ bytes: UnsafeBufferPointer<UInt8>, file: String, release: @escaping (Range<Int>) -> Void) -> FirstPass? {
            guard UTF8Validation.firstInvalidOffset(bytes, afterEach: release) == nil else { return nil }
            var pass = FirstPass(root: .null, log: ProblemLog(file: file))
            pass.skimmed = true
            var failed = false
            let root = PlanSkimmer.skim(bytes) { feature, index in
                pass.passed(feature.range.lowerBound, release: release)
                let span = Span(range: feature.range, index: index)
                guard feature.kind == .restricted || feature.kind == .boundary else {
                    pass.add(id: feature.id, level: feature.level, category: feature.kind == .zone ? feature.category : nil, span: span)
                    return
                }
                do {
                    try JSONParser.parseEach(bytes, ranges: [feature.range]) { value, _ in
                        if let raw = RawFeature.read(value, index: index, log: pass.log) { pass.add(site: raw) } else { failed = true }
                    }
                } catch {
                    failed = true
                }
            }
            release(pass.released..<bytes.count)
            guard let root, !failed else { return nil }
            pass.root = root
            return pass
        }
    }
}
