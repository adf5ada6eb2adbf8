/// The Chinese word for each zone category of the plan format, for the
/// reports an inspector reads: the prohibited ones in Art. 8's own words
/// (客房, 包间, 宿舍, 浴室, 卫生间, 更衣室, 哺乳室, 试衣间), the others as
/// drawings label them. A profile's extra categories have none (their id
/// is printed).
public enum ZoneCategoryNames {
    public static let zh: [String: String] = [
        "guest_room": "客房", "private_dining_room": "包间", "dormitory_room": "学生宿舍", "staff_quarters": "员工宿舍",
        "bathhouse": "公共浴室", "toilet": "卫生间", "changing_room": "更衣室", "nursing_room": "哺乳室",
        "fitting_room": "试衣间", "private_other": "其他隐私区域",
        "corridor": "走廊", "lobby": "大堂", "entrance": "出入口", "room": "房间", "office": "办公室", "retail": "商铺",
        "dining": "餐厅", "parking": "停车场", "stair": "楼梯间", "elevator": "电梯厅", "cashier": "收银台",
        "outdoor": "室外", "public": "公共区域", "void": "中庭（挑空）", "monitoring_room": "监控室",
        // Art. 10's areas (`kind: restricted`), in the article's words.
        "military_restricted": "军事禁区", "military_managed": "军事管理区", "confidential_unit": "涉密单位",
    ]

    /// The English names of the categories above, worked out once.
    private static let en: [String: String] = Dictionary(uniqueKeysWithValues: zh.keys.map { ($0, words($0)) })

    /// A category as a message names it: `卫生间` in Chinese, `guest room`
    /// (the id's words) in English.
    public static func name(_ category: String, _ language: Language) -> String {
        language == .zh ? (zh[category] ?? category) : (en[category] ?? words(category))
    }

    /// An id's words: `guest_room` → `guest room`. Not Foundation's
    /// replacingOccurrences (18,000 instructions a call, once a finding).
    private static func words(_ category: String) -> String {
        category.split(separator: "_", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
