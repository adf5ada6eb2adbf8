import Foundation
import PlanarGeometry
import SightlineFix
import SightlineJSON
import SightlinePlan
import SightlineText

/// Tracing a plan in the planner: walls, openings, zones and signs drawn on
/// the page (each a feature added, changed or removed, its level's scene
/// rebuilt), and the background picture they are traced over (uploaded,
/// placed, scaled from two points and a known distance).
extension Planner {
    /// The feature kinds the page draws besides cameras.
    static let drawnKinds = ["wall", "opening", "zone", "sign", "restricted", "boundary"]

    /// Adds a feature: `{"id"?, "kind", "geometry": {GeoJSON geometry in
    /// plan coordinates}, …properties}`, validated as `check` validates a
    /// plan (a bad category or an opening on no wall is a 400 with its
    /// message). Returns `{"id", "findings"}`.
    public func addFeature(body: [UInt8]) throws(PlannerError) -> [UInt8] {
        let request = try Self.object(body)
        guard let kind = request["kind"]?.stringValue, Self.drawnKinds.contains(kind) else {
            throw PlannerError(400, "kind: expected one of \(Self.drawnKinds.joined(separator: ", ")) (cameras: POST /api/cameras)")
        }
        guard let geometry = request["geometry"], geometry.objectValue != nil else {
            throw PlannerError(400, "geometry: required, a GeoJSON geometry object in the plan's coordinates")
        }
        let (id, feature) = try newFeature(request, kind: kind, idPrefix: kind, geometry: geometry)
        try apply(features: [id]) { (doc: inout PlanRewriter) throws(PlannerError) in doc.append(feature: feature) }
        return added(id)
    }

    /// Changes a drawn feature: `geometry` replaces its geometry, every other
    /// member is a property (`null` removes it). Returns the new findings.
    public func patchFeature(_ id: String, body: [UInt8]) throws(PlannerError) -> [UInt8] {
        let changes = try Self.object(body)
        guard let kind = document.kind(ofFeature: id), kind != "camera" else {
            throw PlannerError(
                404,
                document.kind(ofFeature: id) == "camera"
                    ? "`\(id)` is a camera: PATCH /api/cameras/\(id)" : "no feature `\(id)` in the plan")
        }
        try apply(features: [id]) { (doc: inout PlanRewriter) throws(PlannerError) in
            guard doc.kind(ofFeature: id) == kind else { throw PlannerError(404, "no \(kind) `\(id)` in the plan") }
            var properties: [(key: String, value: JSONValue)] = []
            for (key, value) in changes.members {
                switch key {
                case "geometry":
                    guard let geometry = value.objectValue else { throw PlannerError(400, "geometry: expected a GeoJSON geometry object") }
                    _ = doc.setGeometry(ofFeature: id, geometry)
                case "kind", "id":
                    throw PlannerError(400, "\(key): a feature's \(key) cannot be changed here (delete it and draw a new one)")
                default:
                    properties.append((key, value))
                }
            }
            _ = doc.setProperties(ofFeature: id, properties)
        }
        return findingsJSON()
    }

    /// Removes any feature (a camera too). Returns the new findings.
    public func deleteFeature(_ id: String) throws(PlannerError) -> [UInt8] {
        guard let kind = document.kind(ofFeature: id) else { throw PlannerError(404, "no feature `\(id)` in the plan") }
        try apply(features: kind == "camera" ? [] : [id]) { (doc: inout PlanRewriter) throws(PlannerError) in
            guard doc.remove(feature: id) else { throw PlannerError(404, "no feature `\(id)` in the plan") }
        }
        return findingsJSON()
    }

    /// What the page's pickers offer: the zone categories of the plan's
    /// profile (prohibited ones first, each with the article item that names
    /// it), wall materials, opening types and the plan's units:
    /// `{categories: [{category, prohibited, item?}], materials, openingTypes, units, levels}`.
    public func vocabularyJSON() -> [UInt8] {
        let profile = loaded.profile
        let all = ZoneCategory.base + profile.extraCategories.keys.sorted().filter { !ZoneCategory.base.contains($0) }
        let ordered = all.filter { profile.prohibited[$0] != nil } + all.filter { profile.prohibited[$0] == nil }
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.key("categories")
        w.beginArray()
        for category in ordered {
            w.beginObject()
            w.field("category", category.rawValue)
            w.field("name", ZoneCategoryNames.name(category.rawValue, language))
            w.field("prohibited", profile.prohibited[category] != nil)
            if let item = profile.prohibited[category] { w.field("item", item) }
            w.endObject()
        }
        w.endArray()
        w.key("materials")
        w.value(.array(["opaque", "glass"].map { .string($0) }))
        w.key("openingTypes")
        w.value(.array(["door", "window", "passage"].map { .string($0) }))
        w.field("units", loaded.plan.metadata.units.rawValue)
        w.key("levels")
        w.value(.array(loaded.plan.levels.map { .string($0.id) }))
        w.endObject()
        return w.bytes
    }

    // MARK: Background pictures

    /// The level a request names, or the plan's only level.
    private func level(_ id: String) throws(PlannerError) -> String {
        guard loaded.plan.levels.contains(where: { $0.id == id }) else {
            throw PlannerError(404, "no level `\(id)` in the plan: \(loaded.plan.levels.map(\.id).joined(separator: ", "))")
        }
        return id
    }

    private var onlyLevel: Bool { loaded.plan.levels.count == 1 }

    /// Every level's background: `[{level, url, origin, pixelSize,
    /// rotation, opacity, width, height, image, source, page}]`, the width
    /// and height in pixels read from the picture (absent when the file is
    /// missing, which the page says).
    public func backgroundsJSON() -> [UInt8] {
        var w = JSONWriter(indent: 0)
        w.beginArray()
        for b in loaded.plan.metadata.backgrounds {
            guard let level = b.level else { continue }
            w.beginObject()
            w.field("level", level)
            w.field("url", "/api/background/\(Self.percentEncoded(level))")
            w.field("image", b.image)
            w.key("origin")
            w.inlinePair(b.origin.x, b.origin.y, decimals: 6)
            w.field("pixelSize", b.pixelSize, decimals: 9)
            w.field("rotation", b.rotation, decimals: 6)
            w.field("opacity", b.opacity, decimals: 3)
            if let picture = picture(level: level, background: b) {
                w.field("width", Double(picture.width), decimals: 0)
                w.field("height", Double(picture.height), decimals: 0)
            } else {
                w.field("missing", true)
            }
            if let source = b.source { w.field("source", source) }
            if let page = b.page { w.field("page", Double(page), decimals: 0) }
            w.endObject()
        }
        w.endArray()
        return w.bytes
    }

    /// The background picture of a level: uploaded and not yet saved, or
    /// the file the plan names in the plan's folder.
    func picture(level: String, background: PlanBackground) -> Picture? {
        if let pending = pendingImages[level], pending.name == background.image { return Picture(bytes: pending.bytes) }
        guard let data = FileManager.default.contents(atPath: imagePath(background.image)) else { return nil }
        return Picture(bytes: [UInt8](data))
    }

    /// The picture of `level` and its media type, for `GET /api/background/{level}`.
    public func backgroundImage(level id: String) throws(PlannerError) -> (bytes: [UInt8], type: String) {
        let level = try level(id)
        guard let b = loaded.plan.metadata.backgrounds.first(where: { $0.level == level }) else {
            throw PlannerError(404, "level `\(level)` has no background picture")
        }
        guard let picture = picture(level: level, background: b) else {
            throw PlannerError(404, "the background picture `\(b.image)` of level `\(level)` is missing or not a PNG or JPEG")
        }
        return (picture.bytes, picture.format.mediaType)
    }

    /// Sets a level's background from an upload: PNG or JPEG bytes, or a
    /// PDF whose page `page` is rasterised (before the actor is entered, so
    /// other requests are answered meanwhile; see ``Picture/upload(_:page:)``).
    /// The picture is kept in memory and written next to the plan on Save,
    /// as `<plan>.<level>.background.png` (or `.jpg`). A new background is placed with its top-left corner at
    /// the plan's (0, height) and 2 cm a pixel, until the page scales it
    /// from two points; a replaced one keeps its placement.
    public nonisolated func setBackground(level id: String, body: [UInt8], page: Int?, sourceName: String?) async throws(PlannerError)
        -> [UInt8]
    {
        _ = try await level(id)
        let picture = try await Picture.upload(body, page: page)
        return try await setBackground(level: id, picture: picture, pdfPage: Picture.isPDF(body) ? page ?? 1 : nil, sourceName: sourceName)
    }

    /// Sets a level's background to a picture already read (a PDF's page
    /// `pdfPage` already rasterised).
    func setBackground(level id: String, picture: Picture, pdfPage: Int?, sourceName: String?) throws(PlannerError) -> [UInt8] {
        let level = try level(id)
        let name = Self.imageName(plan: file, level: level, format: picture.format)
        let units = loaded.plan.metadata.units.metres
        var entry =
            document.background(level: level, onlyLevel: onlyLevel)
            ?? {
                let size = 0.02 / units
                return JSONObject([("origin", .numbers([0, Double(picture.height) * size])), ("pixelSize", .number(size))])
            }()
        if !onlyLevel { entry["level"] = .string(level) }
        entry["image"] = .string(name)
        entry["source"] = sourceName.map { .string($0) }
        entry["page"] = pdfPage.map { .number(Double($0)) }
        let previous = pendingImages[level]
        pendingImages[level] = (name, picture.bytes)
        do {
            try apply { [onlyLevel] (doc: inout PlanRewriter) throws(PlannerError) in
                doc.setBackground(entry, level: level, onlyLevel: onlyLevel)
            }
        } catch {
            pendingImages[level] = previous
            throw error
        }
        return backgroundsJSON()
    }

    /// Changes a level's background placement: any of `origin`,
    /// `pixelSize`, `rotation`, `opacity`, and `calibrate: {from: [x, y],
    /// to: [x, y], metres: d}` — two points clicked on the picture as it is
    /// drawn now and the real distance between them: the pixel size is
    /// scaled so they lie `d` metres apart, the picture staying put at
    /// `from`. Returns the backgrounds.
    ///
    /// With pixel size s and origin O, a picture point P lies (P − O)/s
    /// pixels from the corner; the new size s' = s·d/|to − from| keeps
    /// `from` fixed when O' = from − (from − O)·s'/s.
    public func placeBackground(level id: String, body: [UInt8]) throws(PlannerError) -> [UInt8] {
        let level = try level(id)
        let changes = try Self.object(body)
        guard var entry = document.background(level: level, onlyLevel: onlyLevel),
            let current = loaded.plan.metadata.backgrounds.first(where: { $0.level == level })
        else {
            throw PlannerError(404, "level `\(level)` has no background picture: upload one first")
        }
        for (key, value) in changes.members {
            switch key {
            case "origin", "pixelSize", "rotation", "opacity": entry[key] = value
            case "calibrate":
                guard let c = value.objectValue, let fromValue = c["from"], let toValue = c["to"],
                    let metres = c["metres"]?.numberValue, metres.isFinite, metres > 0
                else {
                    throw PlannerError(400, "calibrate: expected {\"from\": [x, y], \"to\": [x, y], \"metres\": a positive distance}")
                }
                let from = try Self.position(fromValue)
                let to = try Self.position(toValue)
                let a = Point2(from[0], from[1])
                let b = Point2(to[0], to[1])
                let clicked = (b - a).length
                guard clicked > 0 else { throw PlannerError(400, "calibrate: the two points are the same point") }
                let k = metres / loaded.plan.metadata.units.metres / clicked
                let origin = a - (a - current.origin) * k
                entry["pixelSize"] = .number(current.pixelSize * k)
                entry["origin"] = .numbers([origin.x, origin.y])
            default:
                throw PlannerError(400, "\(key): a background has origin, pixelSize, rotation, opacity, or calibrate")
            }
        }
        try apply { [onlyLevel] (doc: inout PlanRewriter) throws(PlannerError) in
            doc.setBackground(entry, level: level, onlyLevel: onlyLevel)
        }
        return backgroundsJSON()
    }

    /// `<plan name>.<level>.background.<ext>` next to the plan, the level
    /// reduced to letters, digits, `-` and `_` so no request can steer it.
    static func imageName(plan: String, level: String, format: Picture.Format) -> String {
        var stem = (plan as NSString).lastPathComponent
        if stem.lowercased().hasSuffix(".json") {
            stem.removeLast(5)
        } else if stem.lowercased().hasSuffix(".geojson") {
            stem.removeLast(8)
        }
        let safe = String(
            level.unicodeScalars.map {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" ? Character($0) : "_"
            })
        let safeStem = String(stem.unicodeScalars.map { $0 == "/" || $0 == "\\" ? "_" : Character($0) })
        return "\(safeStem.isEmpty ? "plan" : safeStem).\(safe).background.\(format.fileExtension)"
    }

    static func percentEncoded(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }
}
