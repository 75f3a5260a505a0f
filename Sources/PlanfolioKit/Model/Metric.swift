/// One fairness measurement of an assessment or investigation: a metric for one group.
public struct Metric: Sendable, Hashable {
    /// Which side of the threshold is acceptable.
    public enum Limit: String, Sendable, Hashable {
        /// The value must stay at or below the threshold (a gap or difference).
        case max
        /// The value must stay at or above the threshold (a ratio, as in the four-fifths rule).
        case min
    }

    public var name: String
    public var group: String
    public var value: Double
    public var threshold: Double
    public var baseline: Double?
    public var limit: Limit
    /// Line of the metric's entry in the front matter.
    public var line: Int

    public init(name: String, group: String, value: Double, threshold: Double, baseline: Double?, limit: Limit, line: Int) {
        self.name = name
        self.group = group
        self.value = value
        self.threshold = threshold
        self.baseline = baseline
        self.limit = limit
        self.line = line
    }

    /// The default limit for a metric name: `min` when it has the whole word "ratio".
    public static func defaultLimit(forName name: String) -> Limit {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.contains("ratio") ? .min : .max
    }

    /// A value on the wrong side of its threshold.
    public var isBreach: Bool {
        switch limit {
        case .max: value > threshold
        case .min: value < threshold
        }
    }
}
