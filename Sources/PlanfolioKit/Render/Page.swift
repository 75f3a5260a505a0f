/// What a page's template renders: the page kind's model (`DocumentPage`,
/// `ListPage`, ...) in the frame every page has (`PageFrame`). A name is
/// the model's member if it has one, else the frame's.
struct Page<Content: TemplateValue>: TemplateValue {
    var frame: PageFrame
    var content: Content

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        content.member(name) ?? frame.member(name)
    }
}
