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
        return hex(digest: digest)
    }

    /// The digest of `bytes`, taken a mebibyte at a time, with `done`
    /// called on each piece once it is digested: a mapped file
    /// (``MappedFile``) lets go of its pages as they are read.
    public static func hex(_ bytes: UnsafeBufferPointer<UInt8>, afterEach done: (Range<Int>) -> Void) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        var start = 0
        repeat {
            let end = min(bytes.count, start + (1 << 20))
            EVP_DigestUpdate(context, bytes.baseAddress.map { $0 + start }, end - start)
            done(start..<end)
            start = end
        } while start < bytes.count
        digest.withUnsafeMutableBufferPointer { out in _ = EVP_DigestFinal_ex(context, out.baseAddress, nil) }
        return hex(digest: digest)
    }

    private static func hex(digest: [UInt8]) -> String {
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
