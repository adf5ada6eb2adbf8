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
        bytes.withUnsafeBufferPointer { startLines(in: $0) }
    }

    private static func startLines(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var stringStart = 0
        var lastKeyAtRoot = 0..<0
        var featuresDepth: Int?
        var expectingValue = false
        let featuresKey = Array("features".utf8)
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        let newline = UInt8(ascii: "\n")
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == quote {
                // A string: to its closing quote, escapes skipped, lines counted.
                stringStart = i
                i += 1
                while i < n, bytes[i] != quote {
                    if bytes[i] == backslash { i += 1 } else if bytes[i] == newline { line += 1 }
                    i += 1
                }
                if depth == 1 { lastKeyAtRoot = (stringStart + 1)..<min(i, n) }
            }
            // The first byte of a value inside the features array.
            if b != UInt8(ascii: " "), b != UInt8(ascii: "\t"), b != UInt8(ascii: "\r"), b != newline, let d = featuresDepth, depth == d,
                expectingValue, b != UInt8(ascii: "]")
            {
                lines.append(line)
                expectingValue = false
            }
            switch b {
            case newline:
                line += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if b == UInt8(ascii: "["), depth == 2, featuresDepth == nil, lastKeyAtRoot.count == featuresKey.count,
                    zip(bytes[lastKeyAtRoot], featuresKey).allSatisfy({ $0 == $1 })
                {
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
            i += 1
        }
        return lines
    }
}
