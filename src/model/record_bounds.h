#pragma once
// The bounds of every text and list field of the records the API writes, in one table:
// validation refuses what breaks them (422 naming the field and the bound) and the OpenAPI
// document states them as maxLength / maxItems (a unit test holds the two equal).
// No real record comes near them, and a record with every field at its bound, written in
// 4-byte characters, stays well under the 1 MiB body limit (about 640 KB for the largest,
// a service card): whatever is stored can be read and PUT back. docs/operations.md lists
// them. Fields bounded otherwise (enumerations, dates, IČO) are not in the table.

#include <cstddef>
#include <string>
#include <string_view>

namespace prosit {

enum class BoundKind {
  kLine,   // one line of text: no control character at all
  kText,   // free text: line breaks (\n, \r\n) and tabs, but no other control character
  kItems,  // a list
};

struct FieldBound {
  std::string_view shape;  // the object as the API names it: "Actor", "Contact", "Meeting"
  std::string_view field;  // its member; "need_areas[]" bounds each item of a list of texts
  BoundKind kind;
  size_t max;  // characters (Unicode code points) of a text, items of a list
};

inline constexpr size_t kMaxNameChars = 300;      // names, titles, streets, web addresses
inline constexpr size_t kMaxCodeChars = 40;       // ids of the reference data
inline constexpr size_t kMaxPlaceCodeChars = 12;  // municipality, ORP and region codes
inline constexpr size_t kMaxNoteChars = 2000;     // short free texts: hours, a task
inline constexpr size_t kMaxTextChars = 10000;    // long free texts: notes, descriptions
inline constexpr size_t kMaxIdItems = 500;        // lists of records referred to by id

inline constexpr FieldBound kFieldBounds[] = {
    {"Actor", "name", BoundKind::kLine, kMaxNameChars},
    {"Actor", "sector", BoundKind::kLine, kMaxCodeChars},
    {"Actor", "actor_type", BoundKind::kLine, kMaxCodeChars},
    {"Actor", "web", BoundKind::kLine, kMaxNameChars},
    {"Actor", "contacts", BoundKind::kItems, 50},
    {"Actor", "note", BoundKind::kText, kMaxTextChars},
    {"Actor", "distinct_from", BoundKind::kItems, 50},
    {"Seat", "municipality_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"Seat", "street", BoundKind::kLine, kMaxNameChars},
    {"Seat", "postcode", BoundKind::kLine, 20},
    {"Contact", "name", BoundKind::kLine, kMaxNameChars},
    {"Contact", "role", BoundKind::kLine, kMaxNameChars},
    {"Contact", "phone", BoundKind::kLine, 40},
    {"Contact", "email", BoundKind::kLine, 254},
    {"Contact", "web", BoundKind::kLine, kMaxNameChars},
    {"ServiceCard", "name", BoundKind::kLine, kMaxNameChars},
    {"ServiceCard", "service_type", BoundKind::kLine, kMaxCodeChars},
    {"ServiceCard", "need_areas", BoundKind::kItems, 20},
    {"ServiceCard", "need_areas[]", BoundKind::kLine, kMaxCodeChars},
    {"ServiceCard", "description", BoundKind::kText, kMaxTextChars},
    {"ServiceCard", "target_group", BoundKind::kText, kMaxTextChars},
    {"ServiceCard", "forms", BoundKind::kItems, 4},
    {"ServiceCard", "locations", BoundKind::kItems, 100},
    {"ServiceCard", "cost_note", BoundKind::kText, kMaxNoteChars},
    {"ServiceCard", "hours", BoundKind::kText, kMaxNoteChars},
    {"ServiceCard", "access_note", BoundKind::kText, kMaxNoteChars},
    {"ServiceCard", "does", BoundKind::kText, kMaxTextChars},
    {"ServiceCard", "does_not", BoundKind::kText, kMaxTextChars},
    {"ServiceCard", "contacts", BoundKind::kItems, 50},
    {"ServiceCard", "registry_ids", BoundKind::kItems, 20},
    {"DeliveryLocation", "municipality_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"DeliveryLocation", "street", BoundKind::kLine, kMaxNameChars},
    {"TerritoryServed", "codes", BoundKind::kItems, 1500},  // the largest region: 1,144
    {"TerritoryServed", "codes[]", BoundKind::kLine, kMaxPlaceCodeChars},
    {"Capacity", "unit", BoundKind::kLine, kMaxCodeChars},
    {"RegistryId", "registry", BoundKind::kLine, kMaxCodeChars},
    {"RegistryId", "id", BoundKind::kLine, 64},
    {"Meeting", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"Meeting", "category", BoundKind::kLine, kMaxCodeChars},
    {"Meeting", "actor_ids", BoundKind::kItems, kMaxIdItems},
    {"Meeting", "networkers", BoundKind::kItems, 20},
    {"Meeting", "networkers[]", BoundKind::kLine, kMaxNameChars},
    {"Meeting", "topic", BoundKind::kLine, kMaxNameChars},
    {"Meeting", "notes", BoundKind::kText, kMaxTextChars},
    {"Meeting", "outputs", BoundKind::kText, kMaxTextChars},
    {"Meeting", "follow_ups", BoundKind::kItems, 50},
    {"FollowUp", "task", BoundKind::kText, kMaxNoteChars},
    {"FollowUp", "owner", BoundKind::kLine, kMaxNameChars},
    {"Need", "statement", BoundKind::kText, kMaxTextChars},
    {"Need", "voiced_by", BoundKind::kItems, kMaxIdItems},
    {"Need", "sectors", BoundKind::kItems, 20},
    {"Need", "sectors[]", BoundKind::kLine, kMaxCodeChars},
    {"Need", "need_area", BoundKind::kLine, kMaxCodeChars},
    {"Need", "network_need", BoundKind::kLine, kMaxCodeChars},
    {"Need", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"Need", "meeting_ids", BoundKind::kItems, kMaxIdItems},
    {"Need", "theme_ids", BoundKind::kItems, 100},
    {"Tie", "note", BoundKind::kText, kMaxTextChars},
    {"Theme", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"Theme", "title", BoundKind::kLine, kMaxNameChars},
    {"Theme", "why", BoundKind::kText, kMaxTextChars},
    {"Goal", "title", BoundKind::kLine, kMaxNameChars},
    {"Goal", "description", BoundKind::kText, kMaxTextChars},
    {"Step", "title", BoundKind::kLine, kMaxNameChars},
    {"Step", "actor_ids", BoundKind::kItems, kMaxIdItems},
    {"Step", "outcome", BoundKind::kText, kMaxTextChars},
    {"GoodPractice", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"GoodPractice", "title", BoundKind::kLine, kMaxNameChars},
    {"GoodPractice", "description", BoundKind::kText, kMaxTextChars},
    {"GoodPractice", "need_ids", BoundKind::kItems, kMaxIdItems},
    {"GoodPractice", "theme_ids", BoundKind::kItems, 100},
    {"Recommendation", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"Recommendation", "text", BoundKind::kText, kMaxTextChars},
    {"Recommendation", "need_ids", BoundKind::kItems, kMaxIdItems},
    {"Recommendation", "theme_ids", BoundKind::kItems, 100},
    {"Participation", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"Participation", "networkers", BoundKind::kItems, 20},
    {"Participation", "note", BoundKind::kText, kMaxNoteChars},
    {"NetworkerContact", "name", BoundKind::kLine, kMaxNameChars},
    {"NetworkerContact", "email", BoundKind::kLine, 254},
    {"NetworkerContact", "phone", BoundKind::kLine, 50},
    {"OrpText", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"OrpText", "characteristics", BoundKind::kText, kMaxTextChars},
    {"OrpText", "good_practice", BoundKind::kText, kMaxTextChars},
    {"OrpText", "needs_and_themes", BoundKind::kText, kMaxTextChars},
    {"OrpText", "focus", BoundKind::kText, kMaxTextChars},
    {"OrpText", "meaning", BoundKind::kText, kMaxTextChars},
    {"OrpText", "analysis_outputs", BoundKind::kText, kMaxTextChars},
    {"OrpText", "recommendations", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "orp_code", BoundKind::kLine, kMaxPlaceCodeChars},
    {"AnalysisText", "introduction", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "about_project", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "networking", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "child_needs", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "networks", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "network_analysis", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "cooperation", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "needs_found", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "good_practice", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "recommendations", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "conclusion", BoundKind::kText, kMaxTextChars},
    {"AnalysisText", "annex", BoundKind::kText, kMaxTextChars},
    {"User", "login", BoundKind::kLine, 64},
    {"User", "display_name", BoundKind::kLine, 200},
    {"User", "email", BoundKind::kLine, 254},
    {"User", "territories", BoundKind::kItems, kMaxIdItems},
    {"User", "territories[]", BoundKind::kLine, 20},  // a code, or an actor id as text
};

// The bound of `shape`.`field`, looked up while compiling: a field with no bound does not
// compile.
consteval const FieldBound& BoundOf(std::string_view shape, std::string_view field) {
  for (const FieldBound& b : kFieldBounds)
    if (b.shape == shape && b.field == field) return b;
  throw "no bound for this field in kFieldBounds";
}

// Characters (Unicode code points) of UTF-8 text.
size_t CountCharacters(std::string_view utf8);

// Why `text` may not fill a field of `kind` with at most `max` characters ("at most 300
// characters (301 given)", "contains the control character U+0000"), or "" when it may.
std::string TextProblem(std::string_view text, BoundKind kind, size_t max);

}  // namespace prosit
