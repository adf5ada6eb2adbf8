import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The escapes AutoCAD writes for characters outside a DXF's code page,
/// decoded (GDAL leaves them as they are):
///
/// - `\U+XXXX`: a Unicode code point (R2007+ and MTEXT);
/// - `\M+nXXXX`: a double-byte character of code page n — 1 Shift-JIS
///   (932), 2 Big5 (950), 3 Korean Wansung (949), 4 Johab (1361), 5 GBK
///   (936, the GB2312 of most Chinese drawings) — its two bytes in hex.
///
/// Real Chinese drawings saved in an older format carry their room names so
/// (`\M+5CEC0\M+5C9FA\M+5BCE4` is 卫生间): undecoded, no label or layer
/// pattern can match them. An escape that does not decode stays as written.
enum DXFTextEscapes {
    /// `text` with every escape it holds decoded.
    ///
    /// Complexity: O(n) in the text's length; no allocation when it holds
    /// no backslash.
    static func decoded(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\\", i + 2 < scalars.count, scalars[i + 2] == "+" {
                let kind = scalars[i + 1]
                if kind == "U" || kind == "u", let code = hex(scalars, from: i + 3, count: 4), let scalar = Unicode.Scalar(code) {
                    out.append(scalar)
                    i += 7
                    continue
                }
                if kind == "M" || kind == "m", i + 3 < scalars.count, let page = Int(String(scalars[i + 3])),
                    let code = hex(scalars, from: i + 4, count: 4),
                    let character = doubleByte(UInt8(code >> 8), UInt8(code & 0xFF), codePage: page)
                {
                    out.append(contentsOf: character.unicodeScalars)
                    i += 8
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// `count` hex digits from `start`, as a number; `nil` if they are not.
    private static func hex(_ scalars: [Unicode.Scalar], from start: Int, count: Int) -> UInt32? {
        guard start + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for s in scalars[start..<start + count] {
            guard let digit = Character(s).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Whether this system's iconv converts from `encoding` (a name such as
    /// `gbk`, `big5`, `cp1252`) to UTF-8.
    static func canDecode(_ encoding: String) -> Bool {
        guard let converter = iconv_open("UTF-8", encoding.uppercased()), Int(bitPattern: converter) != -1 else { return false }
        iconv_close(converter)
        return true
    }

    /// The iconv names of the code pages `\M+n` numbers.
    private static let codePages = [1: "SHIFT_JIS", 2: "BIG5", 3: "CP949", 4: "JOHAB", 5: "GBK"]

    /// Two bytes of code page `n` as a character, by iconv.
    private static func doubleByte(_ high: UInt8, _ low: UInt8, codePage n: Int) -> String? {
        guard let name = codePages[n] else { return nil }
        guard let converter = iconv_open("UTF-8", name), Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input: [CChar] = [CChar(bitPattern: high), CChar(bitPattern: low)]
        var output = [CChar](repeating: 0, count: 8)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = 2
                var outLeft = 8
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return 8 - outLeft
            }
        }
        guard let written, written > 0 else { return nil }
        return String(decoding: output[0..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
