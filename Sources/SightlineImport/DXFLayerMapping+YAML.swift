import Foundation
import Yams

extension DXFLayerMapping {
    /// The built-in mapping with an office's own standard on top, from YAML:
    ///
    /// ```yaml
    /// layers:            # exact layer names (any case) → role
    ///   WALL-外墙: wall
    ///   A-FURN: ignore
    /// patterns:          # substrings, tried in order, before the built-in ones
    ///   - 防火门: door
    /// closedDoors: [FIRE, 防火, GUEST]   # door layers whose doors are closed
    /// cameraBlocks: [CAM, 摄像, IPC]     # block names that are cameras on any layer
    /// doorBlocks: [DOOR, 门扇]           # block names that are doors on any layer
    /// ```
    ///
    /// Roles: wall, column, door, window, room, text, camera, ignore.
    ///
    /// - Throws: ``ImportError`` naming the file and the key of the first
    ///   problem (an unknown role, a list where a mapping belongs…).
    public static func load(yamlFile path: String) throws(ImportError) -> DXFLayerMapping {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError(file: path, message: "cannot be read") }
        let node: Node?
        do { node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self)) } catch {
            throw ImportError(file: path, message: "not valid YAML: \(error)")
        }
        guard let root = node?.mapping else {
            throw ImportError(file: path, message: "expected a mapping with layers, patterns, closedDoors, cameraBlocks, doorBlocks")
        }
        var mapping = DXFLayerMapping.builtIn
        func role(_ value: Node, at key: String) throws(ImportError) -> DXFLayerRole {
            guard let text = value.string, let role = DXFLayerRole(rawValue: text.lowercased()) else {
                throw ImportError(
                    file: path,
                    message:
                        "\(key): expected one of \(DXFLayerRole.allCases.map(\.rawValue).joined(separator: ", ")), found `\(value.string ?? "a list or mapping")`"
                )
            }
            return role
        }
        func strings(_ value: Node, at key: String) throws(ImportError) -> [String] {
            guard let list = value.sequence, list.allSatisfy({ $0.string != nil }) else {
                throw ImportError(file: path, message: "\(key): expected a list of strings")
            }
            return list.compactMap(\.string)
        }
        for (keyNode, value) in root {
            guard let key = keyNode.string else { continue }
            switch key {
            case "layers":
                guard let layers = value.mapping else {
                    throw ImportError(file: path, message: "layers: expected a mapping from layer name to role")
                }
                for (name, r) in layers {
                    guard let layer = name.string else { continue }
                    mapping.exact[layer] = try role(r, at: "layers.\(layer)")
                }
            case "patterns":
                guard let list = value.sequence else {
                    throw ImportError(file: path, message: "patterns: expected a list of `substring: role`")
                }
                var own: [(String, DXFLayerRole)] = []
                for (i, entry) in list.enumerated() {
                    guard let pair = entry.mapping, pair.count == 1, let (k, v) = pair.first, let text = k.string else {
                        throw ImportError(file: path, message: "patterns[\(i)]: expected `substring: role`")
                    }
                    own.append((text, try role(v, at: "patterns[\(i)]")))
                }
                mapping.patterns = own + mapping.patterns
            case "closedDoors": mapping.closedDoorLayers = try strings(value, at: key)
            case "cameraBlocks": mapping.cameraBlocks = try strings(value, at: key)
            case "doorBlocks": mapping.doorBlocks = try strings(value, at: key)
            default:
                throw ImportError(
                    file: path, message: "\(key): unknown key; expected layers, patterns, closedDoors, cameraBlocks or doorBlocks")
            }
        }
        return mapping
    }
}
