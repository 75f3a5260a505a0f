/// A status badge for the `status-badges` partial and the status columns:
/// words first, colour second (UI.md). `tone` is green, blue, grey, amber,
/// red or none, and maps to a `.tone-*` class.
struct Badge: TemplateValue, Equatable {
    var label: String
    var tone: String
    /// True on a superseded plan's lifecycle badge; no member on any other.
    var superseded: Bool?

    init(_ label: String, _ tone: String, superseded: Bool? = nil) {
        self.label = label
        self.tone = tone
        self.superseded = superseded
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .label: label
        case .tone: tone
        case .superseded: superseded
        default: nil
        }
    }
}
