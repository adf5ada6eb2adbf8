extension Catalogue {
    /// 中文：报告用语；法规条文按原文引用。
    static let zh: [Phrase: String] = [
        .verdictFail: "不符合", .verdictPass: "符合",
        .severityError: "错误", .severityWarning: "警告", .severityInfo: "提示",
        .camerasOne: "{0} 台摄像机", .camerasMany: "{0} 台摄像机", .errorsOne: "{0} 项错误", .errorsMany: "{0} 项错误",
        .warningsOne: "{0} 项警告", .warningsMany: "{0} 项警告", .findingsOne: "{0} 项结果", .findingsMany: "{0} 项结果",

        .textSummary: "{0}：{1}{2}：{3}，{4}，{5}（规则集 {6}）",
        .textInput: "输入文件 SHA-256 {0} · sightline {1} · 审查日期 {2}",
        .textCamera: "摄像机 {0}（楼层 {1}，朝向 {2}°，视野 {3} m²）",
        .textZone: "区域 {0}",
        .textDistance: "距离 {0} m",
        .textSiteAndZones: "场所与区域",
        .textNotApplied: "未适用或未评估",
        .textNotes: "说明（Sightline 的解读，非法规原文）",
        .textInputWarnings: "输入警告",
        .notEvaluated: "{0}：未评估，{1}",

        .fieldSite: "场所", .fieldAddress: "地址", .fieldOperator: "运营单位", .fieldPlace: "场所类别", .fieldProfile: "规则集",
        .fieldCheckedAsOf: "审查日期", .fieldPlanFile: "图纸文件", .fieldSHA256: "图纸 SHA-256", .fieldTool: "工具",
        .unnamedSite: "未命名场所", .noFindings: "无检查结果。", .messages: "说明", .notApplied: "未适用",
        .notesHeading: "说明（Sightline 的解读，非法规原文）：",

        .markdownSummary: "**{0}**，**{1}**，{2}；规则集 {3}（{4}），审查日期 {5}。",

        .htmlTitle: "Sightline 审查报告",
        .htmlLede: "{0} — {1}，{2}，依据{4}审查了 {3}。",
        .htmlPlans: "平面图", .htmlFindings: "检查结果",
        .htmlLegend: "将鼠标移到摄像机上或点击摄像机，可突出显示其视野。",
        .htmlLevelSummary: "{0} — {1}，{2}",
        .htmlFooter: "由 sightline {0} 根据 {1} 生成（SHA-256 {2}）。",
        .columnSeverity: "严重程度", .columnRule: "规则", .columnCamera: "摄像机", .columnZone: "区域", .columnLevel: "楼层",
        .columnArea: "面积 m²", .columnDetail: "细节", .columnArticle: "条文", .columnConsequence: "法律后果",

        .messageCameraInside: "摄像机 {0} 安装在{1}内，{2}禁止在此安装任何摄像机",
        .messageCameraSees: "摄像机 {0} 可拍摄到{2}内 {1} m²",
        .messageMasked: "隐私遮蔽遮住了摄像机 {1} 本可拍摄到的{2}内 {0} m²；遮蔽可被关闭",
        .messageMicrophone: "摄像机 {0} 的拾音器距{2} {1} m，在其 {3} m 拾音范围内（未考虑墙体隔声）",
        .messageInstalledInside: "摄像机 {0} 安装在{1}内",
        .messageOccupiedInside: "，该处由他人使用",
        .zoneDescription: "{0} {1}",
        .zoneDescriptionNamed: "{0} {1}（{2}）",
        .messageThroughVoid: "（位于下方楼层 {0}，经由中庭）",
        .messageDetail: "（最近 {0} m，{1} px/m：{2}）",
        .messageMaskNote: "（另有 {0} m² 被遮蔽）",
        .doriBelowMonitor: "低于监视级",
        .doriMonitor: "监视：仅见人群走动",
        .doriDetect: "探测：可发现有人",
        .doriObserve: "观察：可看清人员衣着和动作",
        .doriRecognize: "识别：可认出熟人",
        .doriIdentify: "辨认：可辨认面部",
    ]
}
