import SightlineEngine
import SightlinePlan

/// Texts of Order 799 quoted by the Art. 8 rules, from
/// `shared/regulations/order-799-2025-zh-en.txt`.
enum Order799 {
    static let art8Chapeau = (
        zh: "禁止在公共场所的下列区域、部位安装图像采集设备及相关设施",
        en: "It is prohibited to install image acquisition equipment and related facilities in the following areas and parts of public places")

    static let art8Items: [String: (zh: String, en: String)] = [
        "(i)": ("旅馆、饭店、宾馆、招待所、民宿等经营接待食宿场所的客房或者包间内部",
                "the interior of guest rooms or private rooms of hotels, restaurants, guesthouses, homestays and other places for accommodation and reception"),
        "(ii)": ("学生宿舍的房间内部,或者单位为内部人员提供住宿、休息服务的房间内部",
                 "the interior of student dormitories, or of rooms where units provide accommodation and rest services for internal personnel"),
        "(iii)": ("公共的浴室、卫生间、更衣室、哺乳室、试衣间的内部",
                  "the interior of public bathrooms, toilets, changing rooms, nursing rooms and fitting rooms"),
        "(iv)": ("安装图像采集设备后能够拍摄、窥视、窃听他人隐私的其他区域、部位",
                 "other areas and parts where image acquisition equipment can be installed to photograph, peek or eavesdrop on the privacy of others"),
    ]

    static let art13 = (
        zh: "合理确定图像采集设备的安装位置、角度和采集范围",
        en: "reasonably determine the installation location, angle and acquisition range of the image acquisition equipment")

    /// Art. 27 ¶1: the consequence of breaking Art. 8 ¶1.
    static func art27(for kind: OperatorKind) -> Consequence {
        let own = kind == .unit ? Fine(party: "unit", minYuan: 10_000, maxYuan: 20_000)
                                : Fine(party: "individual", minYuan: 5_000, maxYuan: 10_000)
        return Consequence(
            article: "Art. 27 ¶1",
            measures: ["confiscation of the equipment and facilities (没收相关设备设施)",
                       "deletion of the video images collected (删除所收集的视频图像信息)"],
            fines: [own, Fine(party: "directly responsible persons", minYuan: 5_000, maxYuan: 10_000)],
            condition: nil)
    }
}

/// Art. 8 ¶1: cameras inside private places, and views into them.
struct Article8Rules {
    let profile: Profile
    let plan: Plan

    func findings(for analysis: CameraAnalysis) -> [Finding] {
        var out: [Finding] = []
        let camera = analysis.camera
        let level = camera.info.level
        let consequence = Order799.art27(for: plan.metadata.site.operatorKind)
        // A mask never excuses a camera inside a private room: it can be lifted.
        for zone in analysis.insideZones {
            let item = zone.category.art8Item ?? "(iv)"
            let text = Order799.art8Items[item]!
            out.append(Finding(
                rule: "\(profile.id)/art8-camera-inside", severity: .error,
                camera: camera.id, zone: zone.id, zoneName: zone.name, zoneCategory: zone.category.rawValue,
                level: level, area: nil, geometry: nil,
                citation: Citation(reference: "Art. 8 ¶1 \(item)", zh: "\(Order799.art8Chapeau.zh):\(text.zh)",
                                   en: "\(Order799.art8Chapeau.en): \(text.en)"),
                consequence: consequence,
                message: "camera \(camera.id) is installed inside \(describe(zone)), where Art. 8 ¶1 \(item) forbids any camera"))
        }
        let iv = Order799.art8Items["(iv)"]!
        let viewCitation = Citation(reference: "Art. 8 ¶1 (iv); Art. 13",
                                    zh: "\(Order799.art8Chapeau.zh):\(iv.zh);\(Order799.art13.zh)",
                                    en: "\(Order799.art8Chapeau.en): \(iv.en); \(Order799.art13.en)")
        var reported = Set<String>()
        for intrusion in analysis.intrusions where intrusion.area >= profile.minIntrusionArea {
            let zone = intrusion.zone
            reported.insert(zone.id)
            let masked = analysis.maskedIntrusions.first { $0.zone.id == zone.id }?.area ?? 0
            let maskNote = masked > 0 ? " (masks hide another \(formatArea(masked)) m²)" : ""
            out.append(Finding(
                rule: "\(profile.id)/art8-view-intrusion", severity: .error,
                camera: camera.id, zone: zone.id, zoneName: zone.name, zoneCategory: zone.category.rawValue,
                level: zone.info.level, area: intrusion.area, geometry: intrusion.polygons,
                distance: intrusion.nearestDistance, pixelDensity: intrusion.maxDensity, dori: intrusion.dori?.rawValue,
                citation: viewCitation, consequence: consequence,
                message: "camera \(camera.id) sees \(formatArea(intrusion.area)) m² inside \(describe(zone))\(through(zone, from: level))\(detail(intrusion))\(maskNote)"))
        }
        for hidden in analysis.maskedIntrusions where hidden.area >= profile.minIntrusionArea && !reported.contains(hidden.zone.id) {
            let zone = hidden.zone
            var lifted = consequence
            lifted.condition = "if the privacy mask is switched off"
            out.append(Finding(
                rule: "\(profile.id)/art8-view-masked", severity: .warning,
                camera: camera.id, zone: zone.id, zoneName: zone.name, zoneCategory: zone.category.rawValue,
                level: zone.info.level, area: hidden.area, geometry: hidden.polygons,
                distance: hidden.nearestDistance, pixelDensity: hidden.maxDensity, dori: hidden.dori?.rawValue,
                citation: viewCitation, consequence: lifted,
                message: "privacy masks hide the \(formatArea(hidden.area)) m² camera \(camera.id) would see inside \(describe(zone)); a mask can be switched off"))
        }
        for (zone, distance) in analysis.audioZones {
            out.append(Finding(
                rule: "\(profile.id)/art8-audio-intrusion", severity: .warning,
                camera: camera.id, zone: zone.id, zoneName: zone.name, zoneCategory: zone.category.rawValue,
                level: level, area: nil, geometry: nil, distance: distance,
                citation: Citation(reference: "Art. 8 ¶1 (iv)", zh: "\(Order799.art8Chapeau.zh):\(iv.zh)",
                                   en: "\(Order799.art8Chapeau.en): \(iv.en)"),
                consequence: consequence,
                message: "camera \(camera.id)'s microphone is \(formatArea(distance)) m from \(describe(zone)), within its \(formatArea(camera.audioRange ?? 0)) m range (walls are not modelled for sound)"))
        }
        return out
    }

    /// " on level 1F below, through a void" for a zone on another level.
    private func through(_ zone: Zone, from level: String) -> String {
        zone.info.level == level ? "" : " on level \(zone.info.level) below, through a void"
    }

    /// ", nearest 3.20 m, 312 px/m: faces are identifiable".
    private func detail(_ intrusion: Intrusion) -> String {
        guard let density = intrusion.maxDensity else { return "" }
        let level = intrusion.dori.map { "\($0.rawValue): \($0.meaning)" } ?? "below monitor level"
        return " (nearest \(formatArea(intrusion.nearestDistance)) m, \(Int(density.rounded())) px/m: \(level))"
    }

    private func describe(_ zone: Zone) -> String {
        let category = zone.category.rawValue.replacingOccurrences(of: "_", with: " ")
        if let name = zone.name { return "\(category) \(zone.id) (\(name))" }
        return "\(category) \(zone.id)"
    }
}

func formatArea(_ a: Double) -> String {
    let hundredths = (a * 100).rounded()
    let whole = Int(hundredths) / 100
    let frac = Int(hundredths) % 100
    return "\(whole).\(frac < 10 ? "0" : "")\(frac)"
}
