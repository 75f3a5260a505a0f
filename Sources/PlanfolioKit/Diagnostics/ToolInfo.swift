/// Who planfolio is, for machine-readable reports (SARIF's `tool.driver`).
///
/// Kept apart from rendering so diagnostics can name the tool without
/// depending on the Render stage.
public enum ToolInfo {
    public static let name = "planfolio"
    public static let version = "0.1.0"
    /// The project's home page.
    public static let informationURI = "https://github.com/planfolio/planfolio"
    /// `docs/diagnostics.md` as published with the source.
    public static let diagnosticsDocsURI = informationURI + "/blob/main/docs/diagnostics.md"

    /// The documentation of one diagnostic code.
    public static func helpURI(for code: DiagnosticCode) -> String {
        diagnosticsDocsURI + "#" + code.docsAnchor
    }
}
