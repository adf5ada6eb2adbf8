/// Numbers as text with a fixed number of decimals, rounded half away from
/// zero, without Foundation (whose formatting depends on the locale): the
/// one formatter for reports, messages and the CLI.
public enum DecimalText {
    /// Exactly `places` decimals: `fixed(5.5, 2)` is `"5.50"`.
    public static func fixed(_ x: Double, _ places: Int) -> String { text(x, places, trimmingZeros: false) }

    public static func fixed1(_ x: Double) -> String { fixed(x, 1) }
    public static func fixed2(_ x: Double) -> String { fixed(x, 2) }

    /// At most `places` decimals, trailing zeros dropped: `trimmed(5.5, 2)` is `"5.5"`.
    public static func trimmed(_ x: Double, _ places: Int) -> String { text(x, places, trimmingZeros: true) }

    private static func text(_ x: Double, _ places: Int, trimmingZeros: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(x, places: places, trimmingZeros: trimmingZeros, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let powersOfTen: [Double] = (0...18).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    /// Appends `x` rounded half away from zero to `places` decimals (0–15):
    /// `-1.5`, `0.25`, `3`; with `trimmingZeros` false every place is
    /// written (`3.00`). Not finite: `null` (the JSON reports' spelling).
    ///
    /// Digits are made right to left in a fixed buffer, with no allocation
    /// and no Foundation: reports write tens of thousands of numbers.
    public static func append(_ x: Double, places requested: Int, trimmingZeros: Bool, to bytes: inout [UInt8]) {
        guard x.isFinite else {
            bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
            return
        }
        let places = min(max(requested, 0), 15)
        let scaled = (abs(x) * powersOfTen[places]).rounded()
        guard scaled < 9e15 else {
            // Beyond 2^53 there are no decimals to round: the shortest form.
            bytes.append(contentsOf: String(x).utf8)
            return
        }
        var n = UInt64(scaled)
        if n == 0 && (trimmingZeros || places == 0) {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if x < 0 && n != 0 { bytes.append(UInt8(ascii: "-")) }
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { digits in
            var end = 32
            var trimming = trimmingZeros
            for _ in 0..<places {
                let digit = UInt8(n % 10)
                n /= 10
                if trimming && digit == 0 { continue }
                trimming = false
                end -= 1
                digits[end] = UInt8(ascii: "0") + digit
            }
            if !trimming && places > 0 {
                end -= 1
                digits[end] = UInt8(ascii: ".")
            }
            repeat {
                end -= 1
                digits[end] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[end..<32]))
        }
    }
}
