/// What a DXF layer holds, for the import.
public enum DXFLayerRole: String, Sendable, CaseIterable {
    case wall, column, door, window, room, text, camera, ignore
}

/// Layer names → roles: the office standards drawings follow (AIA/NCS
/// `A-WALL`…, TArch `WALL`, `COLUMN`, `DOOR_FIRE`, `WINDOW`, `SPACE`,
/// `PUB_TEXT`, and common Chinese names), and the door state each door layer
/// gets (fire doors and self-closing guest doors are `closed`; others `open`,
/// the worst case for privacy).
public struct DXFLayerMapping: Sendable {
    /// Exact layer names (compared case-insensitively) first…
    public var exact: [String: DXFLayerRole]
    /// …then substrings, in order.
    public var patterns: [(String, DXFLayerRole)]
    /// Door layers whose doors are closed (substrings).
    public var closedDoorLayers: [String]
    /// Block names that are cameras on any layer (substrings).
    public var cameraBlocks: [String]
    /// Block names that are doors on any layer (substrings): a sliding door
    /// a Revit export inserts on the wall layer, a door block on layer 0.
    /// A name that also says it is a tag (`TAG`, `标记`) is not a door.
    public var doorBlocks: [String] = ["DOOR", "DORLIB", "平开门", "推拉门", "双开门", "单开门", "子母门"]

    public static let builtIn = DXFLayerMapping(
        exact: [
            "WALL": .wall, "A-WALL": .wall, "墙": .wall, "墙体": .wall,
            "COLUMN": .column, "A-COLS": .column, "柱": .column, "柱子": .column,
            "DOOR_FIRE": .door, "DOOR": .door, "A-DOOR": .door, "门": .door,
            "WINDOW": .window, "A-GLAZ": .window, "窗": .window,
            "SPACE": .room, "A-AREA": .room, "ROOM": .room, "房间": .room,
            // Azure Maps Creator drawing packages: room outlines and their labels.
            "UNITS": .room, "UNITLABELS": .text,
            "PUB_TEXT": .text, "A-ANNO-TEXT": .text, "A-AREA-IDEN": .text, "TEXT": .text, "文字": .text,
        ],
        patterns: [
            ("安防", .camera), ("监控", .camera), ("CCTV", .camera), ("CAMERA", .camera), ("E-SECU", .camera),
            ("WALL", .wall), ("墙", .wall), ("COLS", .column), ("COLUMN", .column), ("柱", .column),
            ("DOOR", .door), ("门", .door), ("WIND", .window), ("GLAZ", .window), ("窗", .window),
            ("SPACE", .room), ("AREA", .room), ("ROOM", .room), ("房间", .room),
            ("TEXT", .text), ("ANNO", .text), ("文字", .text), ("标注", .text),
        ],
        closedDoorLayers: ["FIRE", "防火"],
        cameraBlocks: ["CAM", "摄像", "监控"])

    /// The role of `layer`, or `nil` when the mapping does not know it.
    public func role(of layer: String) -> DXFLayerRole? {
        let upper = layer.uppercased()
        if let role = exact.first(where: { $0.key.uppercased() == upper })?.value { return role }
        return patterns.first { upper.contains($0.0.uppercased()) }?.1
    }

    public func doorsClosed(on layer: String) -> Bool {
        closedDoorLayers.contains { layer.uppercased().contains($0.uppercased()) }
    }

    public func isCameraBlock(_ name: String) -> Bool {
        cameraBlocks.contains { name.uppercased().contains($0.uppercased()) }
    }

    public func isDoorBlock(_ name: String) -> Bool {
        let upper = name.uppercased()
        return doorBlocks.contains { upper.contains($0.uppercased()) } && !upper.contains("TAG") && !upper.contains("标记")
    }
}
