#pragma once
// ServiceIndex: the immutable search structure over all service cards of a snapshot.
// Cards are numbered by their position in Czech collation order of their names, so
// every posting list, and every result, comes out sorted as Czech readers expect.

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/service_query.h"
#include "model/actor.h"
#include "model/reference_data.h"
#include "model/service_card.h"
#include "model/territory.h"

namespace prosit {

// What the index keeps of one card; prepared once per card version (the costly part:
// folding text and computing the collation key) and reused across rebuilds.
struct SearchableCard {
  int64_t id = 0;
  int64_t actor_id = 0;
  std::string sort_key;  // Czech collation key of the name
  // Folded, unique, sorted words of the searchable text, each followed by a space: one
  // allocation instead of dozens, since 60,000 cards stay in memory.
  std::string words;
  std::vector<std::string> orps;  // ORPs where it is delivered or which it serves
  std::vector<std::string> municipalities_delivered;
  TerritoryServed territory;
  std::string sector, service_type;
  uint8_t need_area_mask = 0;  // bit i: ReferenceData::need_areas[i]
  uint8_t form_mask = 0;       // bit i: kForms[i]
  int level = 0, age_min = 0, age_max = 0;
  bool published = false;
};

// Prepares a card for the index. `actor` may be null (its name is then not searchable).
SearchableCard PrepareSearchable(const ServiceCard& card, const Actor* actor,
                                 const Territory& territory, const ReferenceData& reference,
                                 const class CzechCollator& collator);

struct ServiceHits {
  size_t total = 0;
  std::vector<uint32_t> page;  // positions (see ServiceIndex::card) of the requested page
};

class ServiceIndex {
 public:
  ServiceIndex() = default;
  // `cards` in any order; the index sorts them.
  ServiceIndex(std::vector<const SearchableCard*> cards, const Territory& territory,
               const ReferenceData& reference);

  ServiceHits Search(const ServiceQuery& query) const;
  size_t size() const { return cards_.size(); }
  const SearchableCard& card(uint32_t position) const { return *cards_[position]; }

 private:
  using Postings = std::vector<uint32_t>;
  // The union of the postings of every word starting with `prefix`.
  Postings PrefixPostings(const std::string& prefix) const;
  const Postings* Find(const std::vector<std::pair<std::string, Postings>>& lists,
                       const std::string& key) const;
  bool Matches(uint32_t pos, const ServiceQuery& q, int need_area_bit, int form_bit,
               const std::string& municipality_orp) const;

  std::vector<const SearchableCard*> cards_;
  std::vector<std::pair<std::string, Postings>> words_;  // sorted by word
  std::vector<std::pair<std::string, Postings>> by_orp_, by_region_, by_type_, by_sector_;
  const Territory* territory_ = nullptr;
  const ReferenceData* reference_ = nullptr;
};

}  // namespace prosit
