#pragma once
// ServiceIndex: the immutable search structure over all service cards of a snapshot.
// Cards are numbered by their position in Czech collation order of their names, so
// every posting list, and every result, comes out sorted as Czech readers expect.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
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
  Provenance source = Provenance::kEntered;
};

// The ORPs a card is relevant to: where it is delivered and what it serves (sorted).
std::vector<std::string> RelevantOrps(const ServiceCard& card, const Territory& territory);

// Prepares a card for the index. `actor` may be null (its name is then not searchable).
SearchableCard PrepareSearchable(const ServiceCard& card, const Actor* actor,
                                 const Territory& territory, const ReferenceData& reference,
                                 const class CzechCollator& collator);

// The cards changed since a ServiceIndex was built: writes patch a snapshot through an
// overlay instead of rebuilding the index, which at national scale takes much longer.
struct SearchOverlay {
  std::vector<std::shared_ptr<const SearchableCard>> cards;  // added or changed, Czech order
  std::unordered_set<int64_t> shadowed;  // ids whose indexed version is stale or deleted

  size_t size() const { return cards.size() + shadowed.size(); }
  // Records that card `id` now reads `card` (null: deleted).
  void Replace(int64_t id, std::shared_ptr<const SearchableCard> card);
};

class ServiceIndex {
 public:
  using CardRef = std::shared_ptr<const SearchableCard>;
  using Postings = std::vector<uint32_t>;  // positions in the index's order, ascending
  using Lists = std::vector<std::pair<std::string, Postings>>;  // sorted by key

  // What an index is made of besides its cards, so that a snapshot checkpoint can keep it
  // and a start need not build it again (sorting, splitting words, grouping by key).
  struct Parts {
    std::vector<int64_t> order;  // the card ids by position
    Lists words, by_orp, by_region, by_type, by_sector;
  };

  ServiceIndex() = default;
  // `cards` in any order; the index sorts them and keeps them alive.
  ServiceIndex(std::vector<CardRef> cards, const Territory& territory,
               const ReferenceData& reference);
  // An index from the parts of an earlier one over the same cards: `cards[i]` is the card
  // `parts.order[i]`. The caller has checked that they fit (Fits).
  ServiceIndex(std::vector<CardRef> cards, Parts parts, const Territory& territory,
               const ReferenceData& reference);

  Parts Export() const;
  // Whether `parts` can index `card_count` cards: every posting names one of them, in
  // ascending order, and every list is sorted by key.
  static bool Fits(const Parts& parts, size_t card_count);

  size_t size() const { return cards_.size(); }

  struct Hits {
    size_t total = 0;
    ProvenanceCounts sources;                 // of all `total` hits, counted while they are
    std::vector<const SearchableCard*> page;  // the requested page, in Czech order of names
  };
  // Searches the index together with an overlay of later changes.
  Hits Search(const ServiceQuery& query, const SearchOverlay& overlay) const;

 private:
  struct CompiledQuery;
  CompiledQuery Compile(const ServiceQuery& q) const;
  // The union of the postings of every word starting with `prefix`.
  Postings PrefixPostings(const std::string& prefix) const;
  const Postings* Find(const std::vector<std::pair<std::string, Postings>>& lists,
                       const std::string& key) const;
  // The filters that posting lists do not answer.
  bool MatchesAttributes(const SearchableCard& c, const CompiledQuery& q) const;
  // The filters that posting lists answer, for cards outside the index.
  bool MatchesKeys(const SearchableCard& c, const CompiledQuery& q) const;
  // Calls visit(card) for every indexed match, in Czech order.
  template <typename F>
  void ForEachIndexed(const CompiledQuery& q, F visit) const;

  std::vector<CardRef> cards_;
  std::vector<std::pair<std::string, Postings>> words_;  // sorted by word
  std::vector<std::pair<std::string, Postings>> by_orp_, by_region_, by_type_, by_sector_;
  const Territory* territory_ = nullptr;
  const ReferenceData* reference_ = nullptr;
};

// Czech order of names, then id: the order of every search result.
bool CzechOrderLess(const SearchableCard& a, const SearchableCard& b);

}  // namespace prosit
