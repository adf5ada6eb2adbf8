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

    /// A digest taken piece by piece, as a file is copied.
    public final class Hasher {
        private let context = EVP_MD_CTX_new()

        public init() { EVP_DigestInit_ex(context, EVP_sha256(), nil) }
        deinit { EVP_MD_CTX_free(context) }

        public func update(_ bytes: UnsafeRawBufferPointer) { EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) }

        /// The digest of everything given, as 64 lowercase hexadecimal digits.
        public func finish() -> String {
            var digest = [UInt8](repeating: 0, count: 32)
            digest.withUnsafeMutableBufferPointer { out in _ = EVP_DigestFinal_ex(context, out.baseAddress, nil) }
            return SHA256.hex(digest: digest)
        }
    }

    fileprivate static func hex(digest: [UInt8]) -> String {
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
