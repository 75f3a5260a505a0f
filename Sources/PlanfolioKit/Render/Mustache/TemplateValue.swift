import PlanfolioMarkdown

/// What planfolio's Mustache engine asks of every value a template reads.
///
/// The engine never finds out what type a value is: it asks the value for a
/// member by name, how a section treats it, its elements and its text. Page
/// models (`DocumentPage`, `ListPage`, ...: docs/theme.md) answer with their
/// stored members; `String`, `Int`, `Bool`, arrays, optionals and chart
/// markup answer as Mustache values; `JSONValue` answers for data that comes
/// from outside planfolio (the Mustache spec's tests). The defaults describe
/// a value with no members that renders a section once and prints nothing.
protocol TemplateValue {
    /// The member `name`, when `{{name}}` is looked up in this value; nil
    /// when it has none, so the name is looked for in the contexts further out.
    func member(_ name: TemplateName) -> (any TemplateValue)?
    /// What `{{#name}}...{{/name}}` and `{{^name}}...{{/name}}` do with it.
    var section: TemplateSection { get }
    /// Each element in order, for a value whose `section` is `.list`.
    func forEachElement(_ body: (any TemplateValue) -> Void)
    /// Its text in `{{name}}` (`escaped`) or `{{{name}}}`.
    func appendText(to output: inout [UInt8], escaped: Bool)
}

/// How a section treats a value (docs/theme.md, "The Mustache planfolio speaks").
enum TemplateSection: Equatable {
    /// Null: `{{#x}}` renders nothing, `{{^x}}` renders once.
    case null
    /// A Bool: `{{#x}}` renders once when true, in the context it is in.
    case flag(Bool)
    /// Any other present value (a model, any string including "", any number
    /// including 0): `{{#x}}` renders once with it as the current item.
    case context
    /// `{{#x}}` renders once per element, each the current item in turn;
    /// `{{^x}}` renders when it is empty.
    case list(isEmpty: Bool)
}

extension TemplateValue {
    func member(_ name: TemplateName) -> (any TemplateValue)? { nil }
    var section: TemplateSection { .context }
    func forEachElement(_ body: (any TemplateValue) -> Void) {}
    func appendText(to output: inout [UInt8], escaped: Bool) {}
}

extension String: TemplateValue {
    func appendText(to output: inout [UInt8], escaped: Bool) {
        if escaped {
            appendHTMLEscapedUTF8(to: &output)
        } else {
            var string = self
            string.withUTF8 { output.append(contentsOf: $0) }
        }
    }
}

extension Int: TemplateValue {
    /// As Swift prints it: digits never need escaping.
    func appendText(to output: inout [UInt8], escaped: Bool) {
        output.append(contentsOf: String(self).utf8)
    }
}

extension Bool: TemplateValue {
    var section: TemplateSection { .flag(self) }

    func appendText(to output: inout [UInt8], escaped: Bool) {
        output.append(contentsOf: (self ? "true" : "false").utf8)
    }
}

/// A list prints nothing in `{{x}}` (docs/theme.md): a theme walks it with a section.
extension Array: TemplateValue where Element: TemplateValue {
    var section: TemplateSection { .list(isEmpty: isEmpty) }

    func forEachElement(_ body: (any TemplateValue) -> Void) {
        for element in self { body(element) }
    }
}

/// A nil held as a value is null. (A model member that is nil is not held:
/// it returns no member at all, and the name is looked for further out.)
extension Optional: TemplateValue where Wrapped: TemplateValue {
    func member(_ name: TemplateName) -> (any TemplateValue)? {
        self?.member(name)
    }

    var section: TemplateSection { self?.section ?? .null }

    func forEachElement(_ body: (any TemplateValue) -> Void) {
        self?.forEachElement(body)
    }

    func appendText(to output: inout [UInt8], escaped: Bool) {
        self?.appendText(to: &output, escaped: escaped)
    }
}
