/// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates,
/// nothing above U+10FFFF. Plans are read as bytes, and Swift's lenient
/// decoding would silently turn a bad byte into U+FFFD; the parser reports it
/// instead, with its line and column.
package enum UTF8Validation {
    /// The offset of the first byte that does not begin a valid UTF-8
    /// sequence, or `nil` when all of `bytes` is valid.
    ///
    /// Complexity: O(n), with a fast path over runs of ASCII eight bytes
    /// at a time (a plan is nearly all ASCII).
    ///
    /// - Parameter done: called with each stretch of about a mebibyte once
    ///   it is validated (a mapped file lets go of its pages).
    package static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>, afterEach done: ((Range<Int>) -> Void)? = nil) -> Int? {
        do {
            var i = 0
            let n = b.count
            let raw = UnsafeRawPointer(b.baseAddress)
            var reported = 0
            while i < n {
                if let done, i - reported >= 1 << 20 {
                    done(reported..<i)
                    reported = i
                }
                // Eight ASCII bytes at once: no byte has its top bit set.
                if let raw, i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let lead = b[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                func continuation(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
                switch lead {
                case 0xC2...0xDF:
                    guard continuation(i + 1) else { return i }
                    i += 2
                case 0xE0...0xEF:
                    guard continuation(i + 1), continuation(i + 2) else { return i }
                    let second = b[i + 1]
                    // E0 needs A0…BF (no overlong), ED needs 80…9F (no surrogates).
                    if lead == 0xE0, second < 0xA0 { return i }
                    if lead == 0xED, second > 0x9F { return i }
                    i += 3
                case 0xF0...0xF4:
                    guard continuation(i + 1), continuation(i + 2), continuation(i + 3) else { return i }
                    let second = b[i + 1]
                    if lead == 0xF0, second < 0x90 { return i }
                    if lead == 0xF4, second > 0x8F { return i }
                    i += 4
                default:
                    return i
                }
            }
            done?(reported..<n)
            return nil
        }
    }
}
