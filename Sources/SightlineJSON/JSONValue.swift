/// A parsed JSON document that keeps object members in file order.
///
/// Sightline parses plans itself rather than through `JSONSerialization` so
/// that syntax errors can name a line and column, member order survives a
/// round trip (`sightline fix --apply` rewrites a plan changing only what it
/// must), and a 40-floor plan decodes in milliseconds.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// An array whose elements are all numbers (every coordinate pair), held
    /// compactly: one allocation and no per-element reference counting. It
    /// equals the same array written as `.array` of `.number`s.
    case numbers([Double])
    case object(JSONObject)

    /// A short English name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array, .numbers: "an array"
        case .object: "an object"
        }
    }

    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var arrayValue: [JSONValue]? {
        switch self {
        case .array(let a): a
        case .numbers(let n): n.map(JSONValue.number)
        default: nil
        }
    }

    /// The elements when this is an array of numbers only.
    public var numbersValue: [Double]? {
        switch self {
        case .numbers(let n): return n
        case .array(let a):
            var out: [Double] = []
            out.reserveCapacity(a.count)
            for v in a {
                guard case .number(let x) = v else { return nil }
                out.append(x)
            }
            return out
        default: return nil
        }
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.numbers(let x), .numbers(let y)): return x == y
        case (.numbers, .array), (.array, .numbers): return a.numbersValue != nil && a.numbersValue == b.numbersValue
        case (.object(let x), .object(let y)): return x == y
        default: return false
        }
    }
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var isNull: Bool { self == .null }
}

/// A JSON object: members in file order.
///
/// Plan objects are small, so lookups scan the members; an object with more
/// than ``indexThreshold`` members gets a hash index so hostile input with
/// huge objects stays linear.
public struct JSONObject: Sendable, Equatable {
    public private(set) var members: [(key: String, value: JSONValue)] = []
    private var index: [String: Int]?
    static let indexThreshold = 24

    public init() {}

    public init(_ members: [(String, JSONValue)]) {
        for (k, v) in members { self[k] = v }
    }

    /// Members already known to have distinct keys (the parser checks).
    init(uniqueMembers members: [(key: String, value: JSONValue)]) {
        self.members = members
        if members.count > Self.indexThreshold {
            index = Self.makeIndex(members)
        }
    }

    /// Key → position; of canonically equal keys (which the parser rejects,
    /// but a caller may set) the first wins, as a scan would find it.
    private static func makeIndex(_ members: [(key: String, value: JSONValue)]) -> [String: Int] {
        Dictionary(members.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        // Canonical equality, as the index and the parser's duplicate check use.
        return members.firstIndex { $0.key == key }
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let i = position(of: key) {
                if let newValue { members[i].value = newValue } else { remove(at: i) }
            } else if let newValue {
                members.append((key, newValue))
                if index != nil {
                    index![key] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    index = Self.makeIndex(members)
                }
            }
        }
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }

    private mutating func remove(at i: Int) {
        members.remove(at: i)
        if index != nil { index = Self.makeIndex(members) }
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A syntax error with its place in the text.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { "line \(line), column \(column): \(message)" }
}
