import PlanarGeometry
import SightlineJSON

/// `plan.background`: a picture a plan was traced from — a scan, a photo
/// of a drawing, a rasterised PDF page — and where it lies, so the planner
/// reopens the plan with the picture aligned under what was drawn on it.
///
/// The picture is placed by its top-left corner (`origin`, plan
/// coordinates), the size of one pixel in plan units (`pixelSize`, set in
/// the planner from two clicked points and a typed distance) and a rotation
/// (degrees anticlockwise of the picture's rows from the plan's +x axis).
/// Pixel (u, v), v counting down, lies at
/// `origin + R(rotation) · (u · pixelSize, −v · pixelSize)`.
///
/// The check ignores backgrounds: they are for people.
public struct PlanBackground: Sendable, Equatable {
    public var level: String?
    /// The picture file, relative to the plan's folder (PNG or JPEG).
    public var image: String
    public var origin: Point2
    public var pixelSize: Double
    public var rotation: Double
    public var opacity: Double
    /// Where the picture came from (a PDF's name), and which page, for people.
    public var source: String?
    public var page: Int?

    public init(
        level: String?, image: String, origin: Point2, pixelSize: Double, rotation: Double = 0, opacity: Double = 0.5,
        source: String? = nil, page: Int? = nil
    ) {
        self.level = level
        self.image = image
        self.origin = origin
        self.pixelSize = pixelSize
        self.rotation = rotation
        self.opacity = opacity
        self.source = source
        self.page = page
    }

    /// The picture formats a background may be (by file name).
    public static let imageExtensions = ["png", "jpg", "jpeg"]

    /// Whether `name` may name a background picture: a relative path inside
    /// the plan's folder (no `..`, not absolute, no backslash or NUL) ending
    /// in one of ``imageExtensions`` — so a plan someone sends cannot make
    /// the planner serve an arbitrary file of the machine it runs on.
    public static func isAcceptableImageName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0") else { return false }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { return false }
        let lower = name.lowercased()
        return imageExtensions.contains { lower.hasSuffix(".\($0)") }
    }
}

extension PlanDecoder {
    /// Reads `plan.background`: one object, or an array of them (one per
    /// level). Levels are checked against the plan's once they are known.
    static func readBackgrounds(_ p: PropertyReader) -> [PlanBackground] {
        guard let value = p.object["background"], value != .null else { return [] }
        let items: [(JSONValue, String)]
        if let list = value.arrayValue {
            items = list.enumerated().map { ($1, "\(p.path("background"))[\($0)]") }
        } else {
            items = [(value, p.path("background"))]
        }
        var backgrounds: [PlanBackground] = []
        for (item, path) in items {
            guard let object = item.objectValue else {
                p.log.error(nil, path, "expected a background object {image, origin, pixelSize}, found \(item.typeName)")
                continue
            }
            let b = PropertyReader(object: object, log: p.log, feature: nil, path: path)
            b.warnUnknown(["level", "image", "origin", "pixelSize", "rotation", "opacity", "source", "page"])
            var ok = true
            let image = b.string("image")
            if let image, !PlanBackground.isAcceptableImageName(image) {
                p.log.error(
                    nil, b.path("image"),
                    "expected the name of a .png or .jpg file in the plan's folder (a relative path without `..`), found `\(image)`")
                ok = false
            } else if image == nil {
                p.log.error(nil, b.path("image"), "required: the picture's file name, relative to the plan")
                ok = false
            }
            let origin = object["origin"]?.numbersValue
            if origin == nil || origin!.count != 2 || !origin!.allSatisfy(\.isFinite) {
                p.log.error(nil, b.path("origin"), "expected [x, y]: the plan coordinates of the picture's top-left corner")
                ok = false
            }
            let size = b.number("pixelSize", in: 0...1e6, openLower: true, what: "plan units per pixel")
            if size == nil, !b.has("pixelSize") { p.log.error(nil, b.path("pixelSize"), "required: plan units per pixel") }
            let rotation = b.number("rotation", in: -360...360, what: "degrees anticlockwise") ?? 0
            let opacity = b.number("opacity", in: 0...1) ?? 0.5
            var page: Int?
            if let n = b.number("page", in: 1...100_000, what: "a page number") {
                if n == n.rounded() {
                    page = Int(n)
                } else {
                    p.log.error(nil, b.path("page"), "expected a whole page number, found \(fmt(n))")
                }
            }
            guard ok, let image, let origin, let size else { continue }
            backgrounds.append(
                PlanBackground(
                    level: b.string("level"), image: image, origin: Point2(origin[0], origin[1]),
                    pixelSize: size, rotation: rotation, opacity: opacity,
                    source: b.string("source"), page: page))
        }
        return backgrounds
    }

    /// Gives each background a level (the only one, when it names none) and
    /// reports one naming a level the plan lacks, or two on one level.
    static func resolveBackgrounds(_ backgrounds: inout [PlanBackground], levels: [Level], log: ProblemLog) {
        let ids = levels.map(\.id)
        var seen = Set<String>()
        for i in backgrounds.indices {
            let path = "plan.background\(backgrounds.count > 1 ? "[\(i)]" : "").level"
            if backgrounds[i].level == nil {
                if levels.count == 1 {
                    backgrounds[i].level = ids[0]
                } else {
                    log.error(nil, path, "required when the plan has several levels: one of \(Suggestion.list(ids))")
                    continue
                }
            }
            let level = backgrounds[i].level!
            if !ids.contains(level) {
                log.error(nil, path, "unknown level `\(level)`: the plan declares \(Suggestion.list(ids))")
            } else if !seen.insert(level).inserted {
                log.error(nil, path, "a second background for level `\(level)`: one picture per level")
            }
        }
    }
}
