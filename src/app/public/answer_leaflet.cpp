#include "app/public/answer_leaflet.h"

#include "app/documents/document_pdfs.h"
#include "app/documents/public_leaflet.h"
#include "documents/pdf_renderer.h"

namespace prosit {

using nlohmann::json;

namespace {

std::string Fill(const std::string& pattern, const std::string& value) {
  size_t at = pattern.find("{}");
  return at == std::string::npos ? pattern : pattern.substr(0, at) + value + pattern.substr(at + 2);
}

// A text cut at a word so that a service takes two lines on paper, not ten.
std::string Short(const std::string& text, size_t bytes) {
  if (text.size() <= bytes) return text;
  size_t cut = text.rfind(' ', bytes);
  if (cut == std::string::npos) cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + " …";
}

RichText ServiceItem(const json& service, const Territory& territory,
                     const AnswerLeafletWords& words) {
  const json& card = service["card"];
  RichText item{{card.value("name", ""), true, false, ""}};
  std::string actor = card.contains("actor") ? card["actor"].value("name", "") : "";
  if (!actor.empty() && actor != card.value("name", "")) item.push_back({" (" + actor + ")"});
  bool comes = service.value("comes_to_you", false), remote = service.value("remote", false);
  if (service["travel"].is_object())
    item.push_back({" – " + Fill(comes    ? words.comes_or_minutes
                                 : remote ? words.remote_or_minutes
                                          : words.minutes_by_car,
                                 std::to_string(service["travel"].value("minutes", 0))),
                    false, true, ""});
  else if (comes || remote)
    item.push_back({" – " + (comes ? words.comes_to_you : words.remote), false, true, ""});
  std::string does = Short(card.value("does", ""), 160);
  if (!does.empty()) item.push_back({". " + does});
  std::string contact = ContactLine(card, territory);
  if (!contact.empty()) item.push_back({" " + contact, true, false, ""});
  return item;
}

}  // namespace

Document AnswerLeafletDocument(const json& answer, const Territory& territory,
                               const std::string& url, const AnswerLeafletWords& words,
                               size_t helping) {
  const std::string& lang = words.lang;
  const json& situation = answer["situation"];
  Document doc;
  doc.language = lang;
  doc.title = words.title;
  doc.subtitle = Fill(words.subtitle,
                      situation.value(lang, "") + " – " + answer["municipality"].value("name", ""));
  doc.author = "prosit";
  doc.footer = doc.title + " – " + answer["municipality"].value("name", "");
  doc.page.margin_mm = 12;
  const json& emergency = answer["emergency"];
  auto emergency_block = [&] {
    BulletList list;
    // The number and whose it is: the page says when to call each; paper keeps its room
    // for the services.
    for (const json& c : emergency["contacts"])
      list.items.push_back(RichText{{c.value("number", ""), true, false, c.value("tel", "")},
                                    {" " + c.value(lang, "")}});
    doc.blocks.push_back(Heading{2, words.emergency});
    doc.blocks.push_back(std::move(list));
  };
  if (emergency.value("emphasis", "") == "first") emergency_block();
  doc.blocks.push_back(
      Paragraph{Plain(situation.value("advice_" + lang, "")), ParagraphStyle::kLead});
  auto services = [&](const std::string& heading, const json& list, size_t limit) {
    if (list.empty()) return;
    doc.blocks.push_back(Heading{2, heading});
    BulletList items;
    for (const json& s : list) {
      if (items.items.size() >= limit) break;
      items.items.push_back(ServiceItem(s, territory, words));
    }
    doc.blocks.push_back(std::move(items));
  };
  services(words.responsible, answer["responsible"], SIZE_MAX);
  services(words.helping, answer["helping"], helping);
  if (answer["responsible"].empty() && answer["helping"].empty())
    doc.blocks.push_back(Paragraph{Plain(words.none), ParagraphStyle::kNote});
  if (emergency.value("emphasis", "") == "shown") emergency_block();
  doc.blocks.push_back(QrCode{url, 22, Fill(words.qr_caption, url)});
  doc.blocks.push_back(Paragraph{Plain(Fill(words.source, url)), ParagraphStyle::kNote});
  return doc;
}

Result<std::string> AnswerLeafletPdf(const json& answer, const Territory& territory,
                                     const std::string& url, const AnswerLeafletWords& words,
                                     const std::string& today) {
  for (size_t helping = answer["helping"].size();; --helping) {
    Document doc = AnswerLeafletDocument(answer, territory, url, words, helping);
    doc.date = today;
    auto pdf = RenderPdf(doc);
    // With no helping service and still longer, the page is what it is (the tests see it).
    if (!pdf.ok() || helping == 0 || PdfPageCount(*pdf) <= kAnswerLeafletPages) return pdf;
  }
}

}  // namespace prosit
