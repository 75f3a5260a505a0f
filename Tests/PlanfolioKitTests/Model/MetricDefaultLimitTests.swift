import Testing
@testable import PlanfolioKit

/// `Metric.defaultLimit` reads ASCII names byte by byte; every name must
/// get the limit the Character rule gives.
@Suite struct MetricDefaultLimitTests {
    static let names: [String] = [
        "", "ratio", "Ratio", "RATIO", "disparate impact ratio", "Disparate Impact Ratio (DIR)", "ratios", "ratio2", "2ratio",
        "parity ratio", "ratio-based", "x_ratio", "x.ratio", "ratio\r\n", "\tratio\t", "ra tio", "rat io", "demographic parity difference",
        "equal opportunity difference", "false positive rate gap", "ratiо (Cyrillic o)", "Verhältnis ratio", "ratio\u{301}",
        "ratio\u{0}", "r@tio", "RATIO`", "[ratio]", "ratio{", "AUC", "precision at 10%",
    ]

    @Test(arguments: names)
    func matchesTheCharacterRule(_ name: String) {
        #expect(Metric.defaultLimit(forName: name) == Metric.defaultLimitByCharacters(forName: name))
    }

    @Test func everyShortASCIIWordAroundRatio() {
        let pieces = ["ratio", "RaTiO", "rati", "atio", " ", "-", "_", "1", "x", "("]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let name = first + second + third
                    #expect(Metric.asciiHasWordRatio(name) == (Metric.defaultLimitByCharacters(forName: name) == .min), "\(name)")
                }
            }
        }
        #expect(Metric.asciiHasWordRatio("Verhältnis") == nil)
    }
}
