import SightlineIO
import SightlineJSON
import SightlinePlan

/// A renderer whose report is one JSON document (JSON, GeoJSON, SARIF): it
/// writes the document into a ``JSONWriter``, and the writer either keeps
/// the bytes (``renderBytes(_:)``) or streams them to an output
/// (``write(_:to:)``), so the two never differ.
protocol JSONDocumentRenderer: ReportRenderer {
    func write(_ report: CheckReport, into w: inout JSONWriter)
}

extension JSONDocumentRenderer {
    public func render(_ report: CheckReport) -> String { String(decoding: renderBytes(report), as: UTF8.self) }

    public func renderBytes(_ report: CheckReport) -> [UInt8] {
        var w = JSONWriter()
        write(report, into: &w)
        return w.takeFileBytes()
    }

    public func write(_ report: CheckReport, to output: ByteOutput) {
        var w = JSONWriter(streamingTo: output)
        write(report, into: &w)
        w.finish()
    }
}
