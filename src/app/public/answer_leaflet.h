#pragma once
// The navigator's answer as a one-page leaflet (PDF): the emergency numbers first where
// safety is at stake, the responsible actor, then the nearest services with "asi N min
// autem", what each does and one contact, and a QR code of the answer's page. It lays out
// the same answer JSON the page shows (NavigatorAnswerJson), so the two never differ in
// which cards they name or in what order.

#include <nlohmann/json.hpp>
#include <string>

#include "documents/document.h"
#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// The words the leaflet prints, in the reader's language; the site fills them from its
// message catalog so that page and paper say the same. `{}` in a pattern is the value.
struct AnswerLeafletWords {
  std::string lang = "cs";        // "cs" | "en": which labels of the answer to print
  std::string title;              // "Kam se obrátit"
  std::string subtitle;           // "{}" → "Dítě přestalo chodit do školy – Skuteč"
  std::string emergency;          // heading of the emergency numbers
  std::string responsible;        // heading: who is responsible
  std::string helping;            // heading: who can help
  std::string minutes_by_car;     // "asi {} min autem"
  std::string comes_to_you;       // "přijedou za vámi"
  std::string comes_or_minutes;   // "přijedou za vámi, nebo asi {} min autem"
  std::string remote;             // "po telefonu nebo online"
  std::string remote_or_minutes;  // "po telefonu nebo online, nebo asi {} min autem"
  std::string none;               // no service found
  std::string qr_caption;         // "{}" → the URL
  std::string source;             // the closing note; "{}" → the URL
};

// At most this many pages: the answer is printed on one sheet.
inline constexpr int kAnswerLeafletPages = 1;

Document AnswerLeafletDocument(const nlohmann::json& answer, const Territory& territory,
                               const std::string& url, const AnswerLeafletWords& words,
                               size_t helping);

// The leaflet with as many helping services (the nearest) as fit on one page.
Result<std::string> AnswerLeafletPdf(const nlohmann::json& answer, const Territory& territory,
                                     const std::string& url, const AnswerLeafletWords& words,
                                     const std::string& today);

}  // namespace prosit
