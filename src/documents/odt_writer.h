#pragma once
// WriteOdt: a Document as an OpenDocument Text file (.odt) that LibreOffice opens and a
// networker keeps editing — real heading styles with outline levels (the navigator and the
// contents work), paragraph and caption styles, lists, tables with a repeating header row,
// figures and QR codes as embedded PNG images with their alt text, the page number in the
// footer, and the document's language for spell-checking and hyphenation.

#include <string>

#include "documents/document.h"
#include "model/status.h"

namespace prosit {

// The .odt file's bytes.
Result<std::string> WriteOdt(const Document& document);

}  // namespace prosit
