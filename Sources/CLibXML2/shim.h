#ifndef POSTMORTEM_CLIBXML2_SHIM_H
#define POSTMORTEM_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's headers, whose
// enums clash with the copy Foundation ships. No code here touches the ICU-only fields of
// xmlCharEncodingHandler (the only layout they change), so the ICU include is switched off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

#endif
