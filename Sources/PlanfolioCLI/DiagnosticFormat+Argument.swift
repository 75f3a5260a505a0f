import ArgumentParser
import PlanfolioKit

/// `--diagnostics text|json|github|sarif`.
extension DiagnosticFormat: ExpressibleByArgument {}
