import PlanfolioKit

/// libFuzzer's entry: one input is one small portfolio (`FuzzPortfolio`),
/// built in memory as `planfolio build` would build it, then checked by
/// `SiteOracle`. A crash, a hang, running out of memory, an AddressSanitizer
/// report or a broken oracle is a finding; anything else is fine, however
/// many diagnostics the build reported.
@_cdecl("LLVMFuzzerTestOneInput")
public func planfolioFuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    let portfolio = FuzzPortfolio(bytes)
    let (report, files, config) = portfolio.build()
    // The CLI prints diagnostics in every form; none of them may trap.
    for format in DiagnosticFormat.allCases { _ = format.format(report.diagnostics) }
    if let problem = SiteOracle.problem(report: report, files: files, baseURL: config.baseURL, inputBytes: count) {
        fatalError("oracle: \(problem)")
    }
    return 0
}
