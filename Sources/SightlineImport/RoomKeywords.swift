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

    /// The category a label names, or `nil`.
    public static func category(of label: String) -> String? {
        let lower = label.lowercased()
        for (category, words) in table where words.contains(where: { word in
            // Short Latin words ("wc", "bath") must stand alone, not inside another word.
            word.unicodeScalars.allSatisfy(\.isASCII) && word.count <= 4 ? Self.hasWord(word, in: lower) : lower.contains(word)
        }) { return category }
        return nil
    }

    private static func hasWord(_ word: String, in text: String) -> Bool {
        let tokens = text.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return tokens.contains { $0 == word }
    }
}
