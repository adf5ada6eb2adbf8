/// The colours every drawing of a plan uses — the HTML report's, the PDF
/// drawing set's and the planner's — as CSS custom properties, so a door, a
/// sign or an intrusion is the same colour wherever a user meets it (they
/// had drifted apart: magenta intrusions of two shades, signs yellow in the
/// planner and green on paper).
///
/// Only the colours are shared. Stroke widths differ by design: the report
/// draws at fixed pixel widths (`vector-effect: non-scaling-stroke`), the
/// planner in metres, so that zooming in to place a camera thickens nothing
/// a user aims at.
public enum DrawingPalette {
    /// Name (the custom property without its `--`) and colour, in the order
    /// the stylesheet declares them.
    public static let colours: [(name: String, value: String)] = [
        ("prohibited", "#d62828"), ("prohibited-fill", "#fde2e2"),
        ("intrusion", "#e5007e"), ("intrusion-edge", "#8b004c"), ("intrusion-label", "#5a0030"), ("intrusion-warning", "#f77f00"),
        ("wall", "#111"), ("wall-body", "#444"), ("wall-low", "#777"), ("glass", "#4ea8de"), ("frosted", "#adb5bd"),
        ("door-open", "#2b8a3e"), ("door-closed", "#7f4f24"), ("sign", "#2b8a3e"), ("camera", "#1d3557"),
    ]

    /// `:root{--prohibited:#d62828;…}`, for any page that draws a plan.
    public static let css = ":root{" + colours.map { "--\($0.name):\($0.value)" }.joined(separator: ";") + "}"

    /// One colour by name, for SVG presentation attributes (which cannot
    /// read a custom property); black for a name the palette lacks.
    public static func colour(_ name: String) -> String { colours.first { $0.name == name }?.value ?? "#000" }
}
