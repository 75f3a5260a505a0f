import Foundation

/// Where the build's "today" comes from: `--today`, else `SOURCE_DATE_EPOCH`,
/// else the clock. Decided once, at the start of a build, and passed down as
/// a value so that the same inputs and today give byte-identical output.
public enum Today {
    public static func resolve(option: String?, environment: [String: String], now: Date = Date()) throws(PlanfolioError) -> Day {
        if let option {
            guard let day = Day(option) else {
                throw PlanfolioError("--today '\(option)' is not a date of the form YYYY-MM-DD")
            }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch.trimmingCharacters(in: .whitespaces)) else {
                throw PlanfolioError("SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds")
            }
            return Day(unixSeconds: seconds)
        }
        return Day(unixSeconds: Int64(now.timeIntervalSince1970.rounded(.down)))
    }
}
