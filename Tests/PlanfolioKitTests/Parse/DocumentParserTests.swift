import Testing
@testable import PlanfolioKit

@Suite struct DocumentParserTests {
    /// These tiny plans lack the template's sections; that warning is tested
    /// in PlanDocumentTests and left out here.
    func parse(_ text: String, path: String = "plans/doc.md") -> (Document?, [Diagnostic]) {
        let (document, diagnostics) = DocumentParser.parse(SourceFile(path: path, displayPath: "Plans/" + path, text: text))
        return (document, diagnostics.filter { $0.code != .missingSection })
    }

    @Test func kindComesFromTheFolderWhenAbsent() {
        #expect(parse("---\nid: DIR-1\n---\n", path: "Investigations/DIR-1.md").0?.kind == .investigation)
        #expect(parse("---\nid: DIR-1\nkind: plan\n---\n", path: "investigations/DIR-1.md").0?.kind == .plan)
    }

    @Test func unknownKindIsAnError() {
        let (document, diagnostics) = parse("---\nid: X-1\n---\n", path: "notes/X-1.md")
        #expect(document == nil)
        #expect(diagnostics.map(\.code) == [.unknownKind])
        #expect(diagnostics.first?.line == 1)
        let (_, given) = parse("---\nid: X-1\nkind: memo\n---\n")
        #expect(given.map(\.code) == [.unknownKind])
        #expect(given.first?.line == 3)
    }

    @Test(arguments: ["CON", "con", "Nul", "aux.v2", "PRN.md", "COM1", "com9", "LPT0", "lpt5.x.y"])
    func namesWindowsKeepsForDevicesAreInvalidIDs(_ id: String) {
        let (document, diagnostics) = parse("---\nid: \(id)\n---\n")
        #expect(document == nil)
        #expect(diagnostics.map(\.code) == [.invalidID])
        #expect(diagnostics.first?.message.contains("Windows") == true)
    }

    @Test(arguments: ["CONS", "CO", "COM", "COM10", "LPT", "xCON", "AUX-1", "NUL_", "COMA", "com1x"])
    func namesThatOnlyStartLikeADeviceAreValid(_ id: String) {
        #expect(DocumentParser.isValidID(id))
        #expect(!DocumentParser.isReservedFileName(id))
    }

    @Test(arguments: ["-RP", "RP 1", "RP/1", "../x", "RP:1", "ŔP-1", ".hidden"])
    func invalidIDsAreErrors(_ id: String) {
        let (document, diagnostics) = parse("---\nid: \"\(id)\"\n---\n")
        #expect(document == nil)
        #expect(diagnostics.map(\.code) == [.invalidID])
        #expect(diagnostics.first?.line == 2)
    }

    @Test func missingIDIsAnError() {
        let (_, diagnostics) = parse("---\ntitle: T\n---\n# T\n", path: "assessments/a.md")
        #expect(diagnostics.map(\.code) == [.missingID])
    }

    @Test func assessmentIDConventionIsAWarning() {
        #expect(parse("---\nid: FAF-2026-03-001\n---\n", path: "assessments/a.md").1.isEmpty)
        #expect(parse("---\nid: FA-2026-3\n---\n", path: "assessments/a.md").1.map(\.code) == [.idConvention])
    }

    @Test func titleFallsBackToFirstHeadingThenID() {
        #expect(parse("---\nid: RP-1\n---\n\n# Remediate drift\n").0?.title == "Remediate drift")
        #expect(parse("---\nid: RP-1\n---\nno heading\n").0?.title == "RP-1")
        #expect(parse("---\nid: RP-1\ntitle: Given\n---\n# Heading\n").0?.title == "Given")
    }

    @Test func planWithoutFrontMatterUsesAssessmentInformation() {
        let text = """
        # Fairness Drift Remediation Plan

        ## Assessment Information

        - **System Name**: Claims Triage
        - **Assessment ID**: FAF-2026-05-002
        - **Remediation Plan ID**: RP-2026-010
        - **Related Investigation ID**: DIR-2026-007
        - **Date**: 2026-06-02
        - **Plan Owner**: Lena Fischer (Claims Analytics Lead)
        """
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        #expect(document?.id == "RP-2026-010")
        #expect(document?.idLine == 7)
        #expect(document?.system == "Claims Triage")
        #expect(document?.references.assessment?.value == "FAF-2026-05-002")
        #expect(document?.references.investigation?.value == "DIR-2026-007")
        #expect(document?.date?.description == "2026-06-02")
        #expect(document?.owner == "Lena Fischer (Claims Analytics Lead)")
    }

    @Test func frontMatterAndAssessmentInformationMustAgree() {
        let text = "---\nid: RP-1\nsystem: Claims Triage\n---\n## Assessment Information\n\n- **System Name**: Claims triage v2\n- **Remediation Plan ID**: RP-1\n"
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.map(\.code) == [.conflictingValue])
        #expect(diagnostics.first?.line == 7)
        #expect(diagnostics.first?.message.contains("line 3") == true)
    }

    @Test func frontMatterLinesAreFileLines() {
        let (_, diagnostics) = parse("\u{FEFF}---\r\nid: RP-1\r\ndate: 2026-02-30\r\n---\r\n")
        #expect(diagnostics.map(\.line) == [3])
    }

    @Test func bodyProblemsAreWarnings() {
        let (_, diagnostics) = parse("---\nid: RP-1\n---\n\n<div>x</div>\n\n![c](https://example.com/c.png)\n")
        #expect(diagnostics.map(\.code) == [.rawHTML, .remoteImage])
        #expect(diagnostics.map(\.line) == [5, 7])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }
}
