#pragma once
// PdfRenderer: lays a Document out on A4 (or its page setup) and writes it as PDF with
// Cairo and Pango — DejaVu fonts from Debian through fontconfig, Czech hyphenation from
// libhyphen, numbered headings, a table of contents with the right page numbers, tables
// whose header repeats on every page, figures, QR codes, clickable links, bookmarks from
// the headings, a footer with "strana X z Y" and the title and author as metadata.
// Pure: the same document gives the same bytes (the creation date is the document's
// date, never the clock). Safe to call from several threads at once.

#include <string>

#include "documents/document.h"
#include "model/status.h"

namespace prosit {

// The PDF file's bytes; Invalid when the page setup leaves no room for text or a QR
// code's payload is too long.
Result<std::string> RenderPdf(const Document& document);

}  // namespace prosit
