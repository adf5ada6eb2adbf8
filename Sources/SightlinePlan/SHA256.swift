internal import CCrypto

/// SHA-256 (FIPS 180-4), so every report can name the exact input it
/// belongs to: OpenSSL's libcrypto, which uses the CPU's SHA extensions
/// where it has them. A portable Swift version cost 70 instructions a byte,
/// a tenth of a whole check of the 40-floor hotel; libcrypto costs a few.
public enum SHA256 {
    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { out in
                _ = CCrypto.SHA256(input.baseAddress, input.count, out.baseAddress)
            }
        }
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
