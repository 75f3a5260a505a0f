/// Front matter as typed values, each with the line it was read from.
///
/// Absent keys are nil; a key with a wrong value is reported by the decoder
/// and left nil here, so later stages never see an ill-typed value.
public struct FrontMatter: Sendable {
    public var kind: Located<String>?
    public var id: Located<String>?
    public var title: Located<String>?
    public var system: Located<String>?
    public var date: Located<Day>?
    public var updated: Located<Day>?
    public var owner: Located<String>?
    public var status: Located<String>?
    public var tags: [String] = []
    public var assessment: Located<String>?
    public var investigation: Located<String>?
    public var supersedes: Located<String>?
    public var metrics: [Metric] = []
    public var extra: [(key: String, value: ExtraValue)] = []
    public init() {}
}
