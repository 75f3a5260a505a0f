import Testing
@testable import PlanfolioKit

/// `interventionHeading` reads ASCII headings by bytes; it must read every
/// heading as the Character version does.
@Suite struct InterventionHeadingBytesTests {
    static let headings: [String] = [
        "Intervention 1: Threshold recalibration", "intervention 2 - Retrain", "INTERVENTION 3. Name", "Intervention 4", "Intervention 5:",
        "Intervention 6 :  spaced name  ", "Intervention\t7\t:\tTabs", "Intervention7: no space", "Intervention x: no number",
        "Intervention 1234567: too long", "Intervention 123456: six digits", "Intervention 8 name without separator", "Interventions 9: plural",
        "Intervention 10 – en dash", "Intervention 11 — em dash", "Intervention 12: Ünïcode name", "İntervention 13: dotted I",
        "Intervention\u{301} 14", "Intervention 15\u{301}: combining", "Intervention", "Intervention ", "", "Problem Summary",
        "Intervention 16:\r\nCRLF", "Intervention\r\n17: CRLF", "Intervention 0018: leading zeros", "intervention 19.", "Intervention 20 -",
        "InterventioN 21 : Mixed Case", "Intervention 22: name: with colon", "Intervention\u{00A0}23: nbsp", "Intervention 24\u{00A0}: nbsp",
    ]

    @Test(arguments: headings)
    func readsAsByCharacters(_ text: String) {
        let fast = PlanTemplateReader.interventionHeading(text)
        let reference = PlanTemplateReader.interventionHeadingByCharacters(text)
        #expect(fast?.number == reference?.number)
        #expect(fast?.name == reference?.name)
        #expect((fast == nil) == (reference == nil))
    }
}
