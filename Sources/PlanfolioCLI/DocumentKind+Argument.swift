import ArgumentParser
import PlanfolioKit

/// `planfolio new plan|investigation|assessment`.
extension DocumentKind: ExpressibleByArgument {}
