/// Where each feature starts in the plan file, so a report can point at
/// the line (SARIF's `region.startLine`): one linear scan of the bytes that
/// follows strings and nesting, recording the line of every element of the
/// top-level `features` array.
///
/// - Complexity: O(n) in the file's bytes, no allocation but the result.
public enum FeatureLines {
    /// The 1-based line on which each element of the root object's
    /// `features` array begins, in order; empty when there is none.
    public static func startLines(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var stringStart = 0
        var lastKeyAtRoot: ArraySlice<UInt8> = []
        var featuresDepth: Int?
        var expectingValue = false
        let featuresKey = Array("features".utf8)
        for (i, b) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1 { lastKeyAtRoot = bytes[(stringStart + 1)..<i] }
                }
                if b == UInt8(ascii: "\n") { line += 1 }
                continue
            }
            switch b {
            case UInt8(ascii: "\n"):
                line += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
            default: break
            }
            // The first byte of a value inside the features array.
            if let d = featuresDepth, depth == d, expectingValue, b != UInt8(ascii: "]") {
                lines.append(line)
                expectingValue = false
            }
            switch b {
            case UInt8(ascii: "\""):
                inString = true
                stringStart = i
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if b == UInt8(ascii: "["), depth == 2, featuresDepth == nil, Array(lastKeyAtRoot) == featuresKey {
                    featuresDepth = 2
                    expectingValue = true
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let d = featuresDepth, depth == d, b == UInt8(ascii: "]") { return lines }
                depth -= 1
            case UInt8(ascii: ","):
                if let d = featuresDepth, depth == d { expectingValue = true }
            default:
                break
            }
        }
        return lines
    }
}
