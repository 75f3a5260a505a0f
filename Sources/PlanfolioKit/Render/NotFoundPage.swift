/// `404.html`: nothing but the frame.
struct NotFoundPage: TemplateValue {}
