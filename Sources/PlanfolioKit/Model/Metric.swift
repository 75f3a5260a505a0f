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
        if let hasRatio = asciiHasWordRatio(name) { return hasRatio ? .min : .max }
        return defaultLimitByCharacters(forName: name)
    }

    /// The rule by Character (Unicode letters and numbers make words).
    static func defaultLimitByCharacters(forName name: String) -> Limit {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.contains("ratio") ? .min : .max
    }

    private static let ratioWord = Array("ratio".utf8)

    /// Whether an ASCII `name` has the word "ratio" in any case; nil when
    /// the name is not ASCII. In ASCII the letters and numbers are exactly
    /// `A-Z`, `a-z` and `0-9`, so the bytes give the Character rule's words
    /// without its Unicode look-ups (a fifth of decoding a metric).
    static func asciiHasWordRatio(_ name: String) -> Bool? {
        let ratio = ratioWord
        var name = name
        return name.withUTF8 { bytes -> Bool? in
            var found = false
            var wordStart = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0
                if byte >= 0x80 { return nil }
                let isWordByte = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                if isWordByte { continue }
                if index - wordStart == ratio.count, !found {
                    // `| 0x20` lowercases the letters and keeps the digits.
                    found = ratio.indices.allSatisfy { bytes[wordStart + $0] | 0x20 == ratio[$0] }
                }
                wordStart = index + 1
            }
            return found
        }
    }

    /// A value on the wrong side of its threshold.
    public var isBreach: Bool {
        switch limit {
        case .max: value > threshold
        case .min: value < threshold
        }
    }
}
