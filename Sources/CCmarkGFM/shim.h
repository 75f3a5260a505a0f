// The cmark-gfm C API, as Debian's libcmark-gfm-dev and
// libcmark-gfm-extensions-dev install it. Only PlanfolioMarkdown imports this.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
