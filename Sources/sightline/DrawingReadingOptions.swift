import ArgumentParser
import SightlineImport
import SightlinePlan

/// `--units`, `--map` and `--encoding` for the commands that read a drawing directly
/// (`check`, `serve`), as `import dxf` takes them: a DXF that needs them is
/// checked or opened in one step.
struct DrawingReadingOptions: ParsableArguments {
    @Option(help: "For a .dxf: coordinate units when $INSUNITS is unset or wrong: mm, cm, m, in, ft (as `import dxf --units`).")
    var units: LengthUnit?

    @Option(help: "For a .dxf: a YAML layer mapping on top of the built-in one (as `import dxf --map`).")
    var map: String?

    @Option(
        help:
            "For a .dxf: its text encoding where $DWGCODEPAGE is missing or wrong: gbk, big5, shift_jis, cp1252… (as `import dxf --encoding`)."
    )
    var encoding: String?

    /// The options, the mapping file read; a mapping that cannot be read
    /// is a problem naming the file.
    func drawingOptions() throws(PlanError) -> DrawingOptions {
        var options = DrawingOptions(units: units, encoding: encoding)
        if let map {
            do { options.mapping = try DXFLayerMapping.load(yamlFile: map) } catch { throw PlanError([error.problem]) }
        }
        return options
    }
}
