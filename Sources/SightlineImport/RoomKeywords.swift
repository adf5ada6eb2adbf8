/// Room labels (Chinese and English) to zone categories: the words drawings
/// use for the places Order 799 Art. 8 names, and for ordinary ones.
///
/// Checked in order, so the more specific word wins (员工宿舍 before 宿舍,
/// 更衣室 before 衣). A label that matches nothing gives `room`, and the
/// import says so.
public enum RoomKeywords {
    public static let table: [(category: String, words: [String])] = [
        ("staff_quarters", ["员工宿舍", "职工宿舍", "值班室", "员工休息室", "staff quarters", "staff dorm", "on-call"]),
        ("nursing_room", ["母婴室", "哺乳室", "nursing", "mother"]),
        ("fitting_room", ["试衣间", "试衣室", "fitting"]),
        ("changing_room", ["更衣室", "更衣间", "changing", "locker"]),
        ("toilet", ["卫生间", "厕所", "洗手间", "盥洗室", "公厕", "男厕", "女厕", "无障碍厕", "wc", "toilet", "restroom", "lavatory"]),
        ("bathhouse", ["浴室", "淋浴", "澡堂", "桑拿", "shower", "bath", "sauna"]),
        ("private_dining_room", ["包间", "包厢", "雅间", "private dining"]),
        ("guest_room", ["客房", "套房", "标准间", "大床房", "guest room", "suite"]),
        ("dormitory_room", ["宿舍", "寝室", "dormitory", "dorm"]),
        ("corridor", ["走廊", "走道", "过道", "通道", "corridor", "hallway", "passage"]),
        ("lobby", ["大堂", "电梯厅", "门厅", "大厅", "前厅", "lobby", "foyer", "lift hall", "elevator hall"]),
        ("entrance", ["入口", "出入口", "entrance", "entry"]),
        ("stair", ["楼梯", "楼梯间", "stair"]),
        ("elevator", ["电梯", "elevator", "lift"]),
        ("cashier", ["收银", "cashier"]),
        ("dining", ["餐厅", "食堂", "dining", "restaurant", "canteen"]),
        ("retail", ["商铺", "店铺", "商店", "shop", "retail", "store"]),
        ("office", ["办公", "office"]),
        ("parking", ["车库", "停车", "parking", "garage"]),
    ]

    /// The table's words as UTF-8, with whether each must stand alone.
    private static let compiled: [(category: String, words: [(bytes: [UInt8], whole: Bool)])] = table.map { entry in
        (entry.category, entry.words.map { word in (Array(word.utf8), word.unicodeScalars.allSatisfy(\.isASCII) && word.count <= 4) })
    }

    /// The categories of Order 799 Art. 8's private places.
    public static let privateCategories: Set<String> = [
        "guest_room", "private_dining_room", "dormitory_room", "staff_quarters", "bathhouse", "toilet", "changing_room", "nursing_room",
        "fitting_room", "private_other",
    ]

    /// The category a label names, or `nil`.
    ///
    /// Complexity: O(label length × words), on bytes: Foundation's
    /// `String.contains` cost a 100,000-entity import a third of its time.
    public static func category(of label: String) -> String? {
        let lower = Array(label.lowercased().utf8)
        for (category, words) in compiled
        where words.contains(where: { word in
            // Short Latin words ("wc", "bath") must stand alone, not inside another word.
            word.whole ? Self.hasWord(word.bytes, in: lower) : Self.find(word.bytes, in: lower, from: 0) != nil
        }) { return category }
        return nil
    }

    /// Whether `word` occurs in `text` with no ASCII letter or digit on either side.
    private static func hasWord(_ word: [UInt8], in text: [UInt8]) -> Bool {
        func isAlphanumeric(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        var start = 0
        while let at = find(word, in: text, from: start) {
            let before = at > 0 ? text[at - 1] : 0x20
            let after = at + word.count < text.count ? text[at + word.count] : 0x20
            if !isAlphanumeric(before), !isAlphanumeric(after) { return true }
            start = at + 1
        }
        return false
    }

    /// The first offset ≥ `start` where `word` occurs in `text` (labels are short: a plain scan).
    private static func find(_ word: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard !word.isEmpty, text.count >= word.count, start <= text.count - word.count else { return nil }
        outer: for i in start...(text.count - word.count) {
            for j in 0..<word.count where text[i + j] != word[j] { continue outer }
            return i
        }
        return nil
    }
}
