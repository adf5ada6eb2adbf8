import PlanarGeometry

/// A feature's geometry as plain Swift values, in the source's own
/// coordinates (z dropped): GDAL's handles never leave this module.
public indirect enum OGRShape: Sendable, Equatable {
    case point(Point2)
    case lineString([Point2])
    /// Rings: the shell, then holes, each closed (first point repeated last).
    case polygon([[Point2]])
    case collection([OGRShape])

    /// Every part, collections flattened.
    public var parts: [OGRShape] {
        if case .collection(let members) = self { return members.flatMap(\.parts) }
        return [self]
    }

    /// Whether every coordinate is a finite number: a drawing can hold
    /// 1e308 scaled past the largest double, or NaN, and neither may reach
    /// a plan.
    public var isFinite: Bool {
        switch self {
        case .point(let p): p.x.isFinite && p.y.isFinite
        case .lineString(let l): l.allSatisfy { $0.x.isFinite && $0.y.isFinite }
        case .polygon(let rings): rings.allSatisfy { $0.allSatisfy { $0.x.isFinite && $0.y.isFinite } }
        case .collection(let members): members.allSatisfy(\.isFinite)
        }
    }

    /// All positions, in order.
    public var points: [Point2] {
        switch self {
        case .point(let p): [p]
        case .lineString(let l): l
        case .polygon(let rings): rings.flatMap { $0 }
        case .collection(let members): members.flatMap(\.points)
        }
    }
}

/// A field value as GDAL typed it.
public enum OGRValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case real(Double)
    case strings([String])
    case reals([Double])

    /// The value as text (numbers as GDAL would print them), for mapping
    /// tables keyed by what a user sees.
    public var text: String {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .real(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .strings(let list): list.joined(separator: ",")
        case .reals(let list): list.map { String($0) }.joined(separator: ",")
        }
    }

    /// The value as a number, when it is one (or a string holding one).
    public var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        case .string(let s): Double(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }
}

/// One feature read from a layer.
public struct OGRRecord: Sendable {
    public var fid: Int64
    /// Set fields by name (unset and null fields are absent).
    public var fields: [String: OGRValue]
    public var shape: OGRShape?
}
