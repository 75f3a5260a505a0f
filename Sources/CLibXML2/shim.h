// libxml2's SAX parser, as Debian's libxml2-dev installs it. Only
// PlanfolioKit's Evidence/XMLEventReader.swift imports this.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and encoding.h then includes ICU's
// headers, which clash with the ICU inside Foundation. Nothing used here
// needs them: only the encoding handler mentions ICU, and only by pointer.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
