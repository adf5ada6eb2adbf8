import SightlineIO
import SightlineJSON
import XCTest

/// The JSON parser and writer on their own.
final class JSONTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    private func write(_ value: JSONValue) -> String {
        var w = JSONWriter(indent: 0)
        w.value(value)
        return w.string
    }

    func testMemberOrderSurvivesARoundTrip() throws {
        let text = #"{"z":1,"a":[true,false,null],"m":{"y":"é\n\"","b":-0.5}}"#
        let value = try parse(text)
        XCTAssertEqual(value.objectValue?.keys, ["z", "a", "m"])
        XCTAssertEqual(value.objectValue?["m"]?.objectValue?.keys, ["y", "b"])
        XCTAssertEqual(try parse(write(value)), value)
    }

    /// Numbers parse exactly (the nearest double), including ones the fast
    /// path cannot take.
    func testNumbersAreTheNearestDouble() throws {
        for text in ["0.1", "123456.789", "1e-7", "-2.5E+3", "9007199254740993", "0.30000000000000004", "1.7976931348623157e308"] {
            XCTAssertEqual(try parse(text).numberValue, Double(text), text)
        }
    }

    func testStringsUnescapeAndEscapeBack() throws {
        let value = try parse(#""tab\there \u4e2d\u6587 \ud83d\ude00 \/""#)
        XCTAssertEqual(value.stringValue, "tab\there 中文 😀 /")
        XCTAssertEqual(try parse(write(value)), value)
        XCTAssertFalse(write(.string("a\u{1}b")).contains("\u{1}"), "control characters are escaped")
    }

    func testErrorsNameLineAndColumn() {
        XCTAssertThrowsError(try parse("{\n  \"a\": [1,\n  }")) { error in
            let e = error as? JSONSyntaxError
            XCTAssertEqual(e?.line, 3)
        }
        XCTAssertThrowsError(try parse(#"{"a":1,"a":2}"#)) { error in
            XCTAssertTrue("\(error)".contains("duplicate key"), "\(error)")
        }
        for bad in ["", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "[1] 2", "nul", "\"\u{1}\""] {
            XCTAssertThrowsError(try parse(bad), bad)
        }
    }

    func testTheWriterPrintsFixedDecimals() {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.field("area", 6.0, decimals: 4)
        w.field("x", 0.12345, decimals: 2)
        w.field("n", -0.0001, decimals: 2)
        w.endObject()
        XCTAssertEqual(try parse(w.string), try parse(#"{"area": 6, "x": 0.12, "n": 0}"#))
    }

    /// Exactly the bytes that must be escaped are: quotes, backslashes,
    /// control characters, and `<`, `>`, `&` (a report pasted into HTML
    /// cannot open a tag); everything else, Chinese included, is written as is.
    func testTheWriterEscapesExactlyWhatItMust() {
        var w = JSONWriter(indent: 0)
        w.string("a\"b\\c\n\t\u{1}\u{1F}<x>&y 中文 é ~\u{7F}")
        XCTAssertEqual(w.string, #""a\"b\\c\n\t\u0001\u001f\u003cx\u003e\u0026y 中文 é ~\#u{7F}""#)
    }

    /// Indentation deeper than one row of spaces (70 levels of 2).
    func testDeepIndentation() throws {
        var w = JSONWriter(indent: 2)
        for _ in 0..<70 { w.beginArray() }
        w.integer(1)
        for _ in 0..<70 { w.endArray() }
        let lines = w.string.split(separator: "\n")
        XCTAssertEqual(lines[70], Substring(String(repeating: " ", count: 140) + "1"))
        XCTAssertEqual(try parse(w.string), try parse(String(repeating: "[", count: 70) + "1" + String(repeating: "]", count: 70)))
    }

    /// A streaming writer hands on every byte, in order, whatever the chunk:
    /// the document is the one a writer in memory makes.
    func testAStreamingWriterWritesTheSameDocument() throws {
        final class Collected: ByteOutput {
            var bytes: [UInt8] = []
            var writes = 0
            func write(_ chunk: UnsafeRawBufferPointer) {
                bytes.append(contentsOf: chunk)
                writes += 1
            }
        }
        func document(_ w: inout JSONWriter) {
            w.beginObject()
            w.key("rings")
            w.beginArray()
            for k in 0..<200 {
                w.beginArray()
                for j in 0..<5 { w.inlinePair(Double(k) + 0.5, Double(j) - 0.25, decimals: 3) }
                w.endArray()
            }
            w.endArray()
            w.field("name", "客房 <1105> & \"west\"")
            w.endObject()
        }
        var whole = JSONWriter()
        document(&whole)
        let expected = whole.takeFileBytes()
        for chunk in [1, 7, 100, 4096, 1 << 20] {
            let output = Collected()
            var w = JSONWriter(streamingTo: output, chunk: chunk)
            document(&w)
            w.finish()
            XCTAssertEqual(output.bytes, expected, "chunk \(chunk)")
            if chunk <= 100 { XCTAssertGreaterThan(output.writes, 10, "chunk \(chunk) is handed on as it fills") }
        }
    }

    /// Invalid UTF-8 is found wherever it lies, before, inside or after a
    /// run of eight ASCII bytes (the validator's fast path), and valid
    /// multi-byte text around it is not mistaken for it.
    func testInvalidUTF8IsFoundAtItsPlace() {
        let bad: [[UInt8]] = [[0xE9], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80]]
        for sequence in bad {
            for k in 0..<20 {
                let bytes = [0x22] + [UInt8](repeating: UInt8(ascii: "a"), count: k) + sequence + Array("中".utf8) + [0x22]
                XCTAssertThrowsError(try JSONParser.parse(bytes), "\(sequence) after \(k)") { error in
                    let e = error as? JSONSyntaxError
                    XCTAssertTrue(e?.message.contains("invalid UTF-8") ?? false, "\(error)")
                    XCTAssertEqual(e?.column, k + 2, "\(sequence) after \(k)")
                }
            }
        }
        for k in 0..<20 {
            let text = "\"" + String(repeating: "a", count: k) + "中文é😀" + String(repeating: "b", count: 19 - k) + "\""
            XCTAssertEqual(try JSONParser.parse(Array(text.utf8)).stringValue?.count, 23, "\(k)")
        }
    }

    /// Every byte value at every place in a 17-byte run (before, inside and
    /// after an 8-byte word tested at once) is escaped exactly when it must.
    func testEscapingFindsEveryByteAtEveryPlace() throws {
        let special: [UInt8: String] = [0x22: "\\\"", 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"]
        for value in UInt8(0)..<128 {
            for place in 0..<17 {
                var text = [UInt8](repeating: UInt8(ascii: "a"), count: 17)
                text[place] = value
                var w = JSONWriter(indent: 0)
                w.string(String(decoding: text, as: UTF8.self))
                let needs = value < 0x20 || [0x22, 0x26, 0x3C, 0x3E, 0x5C].contains(value)
                let escaped =
                    special[value]
                    ?? (needs ? "\\u00" + String(value >> 4, radix: 16) + String(value & 0xF, radix: 16) : String(UnicodeScalar(value)))
                let expected = "\"" + String(repeating: "a", count: place) + escaped + String(repeating: "a", count: 16 - place) + "\""
                XCTAssertEqual(w.string, expected, "byte \(value) at \(place)")
            }
        }
    }

    /// The same among multi-byte characters (bytes of 0x80 and above never
    /// need escaping, and must not hide or fake one in the same word).
    func testEscapingAmongChineseText() {
        for prefix in 0..<8 {
            for before in 0..<4 {
                for value: UInt8 in [0x01, 0x0A, 0x1F, 0x20, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0x7F] {
                    let character = String(UnicodeScalar(value))
                    let text = String(repeating: "x", count: prefix) + String(repeating: "中", count: before) + character + "文é中"
                    var w = JSONWriter(indent: 0)
                    w.string(text)
                    let needs = value < 0x20 || [0x22, 0x26, 0x3C, 0x3E, 0x5C].contains(value)
                    XCTAssertEqual(
                        w.string.contains(character), !needs || value == 0x5C || value == 0x22, "\(value) at \(prefix)+\(before)")
                    XCTAssertEqual(try JSONParser.parse(Array(w.string.utf8)).stringValue, text, "\(value) at \(prefix)+\(before)")
                }
            }
        }
    }
}
