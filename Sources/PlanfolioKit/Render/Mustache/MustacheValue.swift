import Foundation

/// A context value, sorted once into the concrete types planfolio's contexts use.
///
/// Contexts are `[String: Any]`. Finding out what an `Any` holds costs a
/// dynamic cast; casting to a protocol (swift-mustache's
/// `as? MustacheSequence`, `as? MustacheParent`, ...) searches conformance
/// tables, so it was a large part of rendering. Here each looked-up value is
/// cast once, to concrete types only, in order of how often they occur, and
/// the renderer switches on the result. `[[String: Any]]` and `[String]` come
/// before `[Any]`: casting them to `[Any]` would box every element.
enum MustacheValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case dictionary([String: Any])
    case dictionaries([[String: Any]])
    case strings([String])
    case list([Any])
    /// A chart's markup, written into the page as bytes by `{{{name}}}`.
    case markup(SVGMarkup)
    /// Anything else (a Double, a struct, ...): printed with `String(describing:)`, truthy.
    case other(Any)
    /// The name is not in the context, or its value is null (`NSNull`, a nil Optional): prints nothing, false.
    case missing

    init(_ value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let bool as Bool: self = .bool(bool)
        case let list as [[String: Any]]: self = .dictionaries(list)
        case let dictionary as [String: Any]: self = .dictionary(dictionary)
        case let int as Int: self = .int(int)
        case let list as [String]: self = .strings(list)
        case let list as [Any]: self = .list(list)
        case let markup as SVGMarkup: self = .markup(markup)  // a struct, never an array: after the lists
        case is NSNull: self = .missing
        case let optional as any OptionalValue where optional.isNone: self = .missing
        default: self = .other(value)
        }
    }

    /// The value in `{{name}}`: a scalar as Swift prints it; a dictionary or
    /// a list prints nothing (a dictionary's order is not stable, and a
    /// theme walks structured values with a section: docs/theme.md).
    var text: String {
        switch self {
        case .string(let string): string
        case .bool(let bool): bool ? "true" : "false"
        case .int(let int): String(int)
        case .dictionary, .dictionaries, .strings, .list, .missing: ""
        case .markup(let markup): markup.text
        case .other(let value): String(describing: value)
        }
    }
}

/// A nil found in a context (an `Optional` boxed in `Any`) is null, as `NSNull` is.
private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool { self == nil }
}
