#include "analysis/service_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "model/czech_text.h"

namespace prosit {

namespace {

int IndexOf(const std::vector<NeedArea>& areas, const std::string& id) {
  for (size_t i = 0; i < areas.size() && i < 8; ++i)
    if (areas[i].id == id) return static_cast<int>(i);
  return -1;
}

int FormBit(const std::string& form) {
  for (size_t i = 0; i < std::size(kForms); ++i)
    if (form == kForms[i]) return static_cast<int>(i);
  return -1;
}

template <typename K>
std::vector<std::pair<std::string, std::vector<uint32_t>>> Flatten(
    std::map<K, std::vector<uint32_t>>& m) {
  std::vector<std::pair<std::string, std::vector<uint32_t>>> out;
  out.reserve(m.size());
  for (auto& [k, v] : m) out.emplace_back(k, std::move(v));
  return out;
}

// An internal card shows to those whose territory it lies in, or who edit its actor. A
// card serving the whole country lies in every territory; otherwise the two sorted ORP
// lists are merged (a national or regional card names hundreds of ORPs).
bool InternalVisible(const SearchableCard& c, const ServiceQuery& q) {
  if (std::binary_search(q.internal_actors.begin(), q.internal_actors.end(), c.actor_id))
    return true;
  if (q.internal_orps.empty()) return false;
  if (c.territory.kind == TerritoryKind::kCountry) return true;
  auto a = c.orps.begin(), b = q.internal_orps.begin();
  while (a != c.orps.end() && b != q.internal_orps.end()) {
    int cmp = a->compare(*b);
    if (cmp == 0) return true;
    cmp < 0 ? ++a : ++b;
  }
  return false;
}

bool Contains(const std::vector<uint32_t>& list, uint32_t pos) {
  return std::binary_search(list.begin(), list.end(), pos);
}

}  // namespace

std::vector<std::string> RelevantOrps(const ServiceCard& card, const Territory& territory) {
  std::set<std::string> orps;
  for (const auto& l : card.locations)
    if (const Municipality* m = territory.FindMunicipality(l.municipality_code))
      orps.insert(m->orp_code);
  const auto& t = card.territory;
  for (const auto& code : t.codes) {
    if (t.kind == TerritoryKind::kOrp) orps.insert(code);
    if (t.kind == TerritoryKind::kMunicipalities)
      if (const Municipality* m = territory.FindMunicipality(code)) orps.insert(m->orp_code);
    if (t.kind == TerritoryKind::kRegion)
      for (const auto& o : territory.orps())
        if (o.region_code == code) orps.insert(o.code);
  }
  if (t.kind == TerritoryKind::kCountry)
    for (const auto& o : territory.orps()) orps.insert(o.code);
  return {orps.begin(), orps.end()};
}

SearchableCard PrepareSearchable(const ServiceCard& card, const Actor* actor,
                                 const Territory& territory, const ReferenceData& reference,
                                 const CzechCollator& collator) {
  SearchableCard s;
  s.id = card.id;
  s.actor_id = card.actor_id;
  s.sort_key = collator.SortKey(card.name);
  std::string text = card.name + " " + card.description + " " + card.does + " " + card.target_group;
  if (actor) text += " " + actor->name;
  if (const ServiceType* type = reference.FindServiceType(card.service_type))
    text += " " + type->label.cs + " " + type->label.en + " " + type->abbr;
  // A confidential address is found by its ORP only: a search by the name or code of its
  // municipality would tell where it is.
  for (const auto& l : card.locations)
    if (const Municipality* m = territory.FindMunicipality(l.municipality_code)) {
      const Orp* orp = territory.FindOrp(m->orp_code);
      text += " " + (!card.confidential_address ? m->name : orp ? orp->name : std::string());
    }
  auto tokens = SearchTokens(FoldForSearch(text));
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  for (const auto& t : tokens) s.words += t + ' ';
  s.orps = RelevantOrps(card, territory);
  if (!card.confidential_address)
    for (const auto& l : card.locations) s.municipalities_delivered.push_back(l.municipality_code);
  s.territory = card.territory;
  if (const ServiceType* type = reference.FindServiceType(card.service_type))
    s.sector = type->sector;
  s.service_type = card.service_type;
  for (const auto& a : card.need_areas)
    if (int i = IndexOf(reference.need_areas, a); i >= 0) s.need_area_mask |= 1u << i;
  for (const auto& f : card.forms)
    if (int i = FormBit(f); i >= 0) s.form_mask |= 1u << i;
  s.level = card.level;
  s.age_min = card.age_min;
  s.age_max = card.age_max;
  s.published = card.published;
  s.source = card.source;
  return s;
}

bool CzechOrderLess(const SearchableCard& a, const SearchableCard& b) {
  int c = a.sort_key.compare(b.sort_key);
  return c != 0 ? c < 0 : a.id < b.id;
}

void SearchOverlay::Replace(int64_t id, std::shared_ptr<const SearchableCard> card) {
  shadowed.insert(id);
  cards.erase(
      std::remove_if(cards.begin(), cards.end(), [&](const auto& c) { return c->id == id; }),
      cards.end());
  if (!card) return;
  auto at = std::lower_bound(cards.begin(), cards.end(), card,
                             [](const auto& a, const auto& b) { return CzechOrderLess(*a, *b); });
  cards.insert(at, std::move(card));
}

ServiceIndex::ServiceIndex(std::vector<CardRef> cards, const Territory& territory,
                           const ReferenceData& reference)
    : cards_(std::move(cards)), territory_(&territory), reference_(&reference) {
  std::sort(cards_.begin(), cards_.end(),
            [](const CardRef& a, const CardRef& b) { return CzechOrderLess(*a, *b); });
  // Words are many (a hash map is much faster to fill); the other keys are few.
  std::unordered_map<std::string_view, Postings> words;
  std::map<std::string, Postings> orps, regions, types, sectors;
  for (uint32_t pos = 0; pos < cards_.size(); ++pos) {
    const SearchableCard& c = *cards_[pos];
    std::string_view rest = c.words;
    for (size_t space; (space = rest.find(' ')) != std::string_view::npos;) {
      words[rest.substr(0, space)].push_back(pos);
      rest.remove_prefix(space + 1);
    }
    std::set<std::string> card_regions;
    for (const auto& o : c.orps) {
      orps[o].push_back(pos);
      if (const Orp* orp = territory.FindOrp(o)) card_regions.insert(orp->region_code);
    }
    for (const auto& r : card_regions) regions[r].push_back(pos);
    types[c.service_type].push_back(pos);
    sectors[c.sector].push_back(pos);
  }
  words_.reserve(words.size());
  for (auto& [w, postings] : words) words_.emplace_back(std::string(w), std::move(postings));
  std::sort(words_.begin(), words_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  by_orp_ = Flatten(orps);
  by_region_ = Flatten(regions);
  by_type_ = Flatten(types);
  by_sector_ = Flatten(sectors);
}

ServiceIndex::ServiceIndex(std::vector<CardRef> cards, Parts parts, const Territory& territory,
                           const ReferenceData& reference)
    : cards_(std::move(cards)),
      words_(std::move(parts.words)),
      by_orp_(std::move(parts.by_orp)),
      by_region_(std::move(parts.by_region)),
      by_type_(std::move(parts.by_type)),
      by_sector_(std::move(parts.by_sector)),
      territory_(&territory),
      reference_(&reference) {}

ServiceIndex::Parts ServiceIndex::Export() const {
  Parts parts;
  parts.order.reserve(cards_.size());
  for (const auto& c : cards_) parts.order.push_back(c->id);
  parts.words = words_;
  parts.by_orp = by_orp_;
  parts.by_region = by_region_;
  parts.by_type = by_type_;
  parts.by_sector = by_sector_;
  return parts;
}

bool ServiceIndex::Fits(const Parts& parts, size_t card_count) {
  if (parts.order.size() != card_count) return false;
  for (const Lists* lists :
       {&parts.words, &parts.by_orp, &parts.by_region, &parts.by_type, &parts.by_sector}) {
    for (size_t i = 0; i < lists->size(); ++i) {
      const auto& [key, postings] = (*lists)[i];
      if (i > 0 && !((*lists)[i - 1].first < key)) return false;
      for (size_t j = 0; j < postings.size(); ++j)
        if (postings[j] >= card_count || (j > 0 && postings[j] <= postings[j - 1])) return false;
    }
  }
  return true;
}

const ServiceIndex::Postings* ServiceIndex::Find(
    const std::vector<std::pair<std::string, Postings>>& lists, const std::string& key) const {
  auto it =
      std::lower_bound(lists.begin(), lists.end(), key,
                       [](const auto& entry, const std::string& k) { return entry.first < k; });
  return it != lists.end() && it->first == key ? &it->second : nullptr;
}

ServiceIndex::Postings ServiceIndex::PrefixPostings(const std::string& prefix) const {
  auto first =
      std::lower_bound(words_.begin(), words_.end(), prefix,
                       [](const auto& entry, const std::string& p) { return entry.first < p; });
  auto last = first;
  while (last != words_.end() && last->first.compare(0, prefix.size(), prefix) == 0) ++last;
  if (last - first == 1) return first->second;
  Postings out;
  for (auto it = first; it != last; ++it)
    out.insert(out.end(), it->second.begin(), it->second.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A query prepared once: its folded words and the codes it resolves to.
struct ServiceIndex::CompiledQuery {
  const ServiceQuery& q;
  std::vector<std::string> words;
  std::string municipality_orp;  // the ORP of q.municipality
  int need_area_bit = -1;
  int form_bit = -1;
  bool impossible = false;  // names a need area or form that does not exist
};

ServiceIndex::CompiledQuery ServiceIndex::Compile(const ServiceQuery& q) const {
  CompiledQuery c{q, SearchTokens(FoldForSearch(q.text)), {}, -1, -1, false};
  if (!q.municipality.empty()) {
    const Municipality* m = territory_->FindMunicipality(q.municipality);
    c.municipality_orp = m ? m->orp_code : "-";
  }
  c.need_area_bit = q.need_area.empty() ? -1 : IndexOf(reference_->need_areas, q.need_area);
  c.form_bit = q.form.empty() ? -1 : FormBit(q.form);
  c.impossible =
      (!q.need_area.empty() && c.need_area_bit < 0) || (!q.form.empty() && c.form_bit < 0);
  return c;
}

bool ServiceIndex::MatchesAttributes(const SearchableCard& c, const CompiledQuery& cq) const {
  const ServiceQuery& q = cq.q;
  if (cq.need_area_bit >= 0 && !(c.need_area_mask & (1u << cq.need_area_bit))) return false;
  if (cq.form_bit >= 0 && !(c.form_mask & (1u << cq.form_bit))) return false;
  if (q.level && c.level != *q.level) return false;
  if (q.age && (*q.age < c.age_min || *q.age > c.age_max)) return false;
  if (q.published && c.published != *q.published) return false;
  if (!c.published && !q.internal_all && !InternalVisible(c, q)) return false;
  if (q.actor_id && c.actor_id != *q.actor_id) return false;
  if (!q.municipality.empty()) {
    bool delivered = std::find(c.municipalities_delivered.begin(), c.municipalities_delivered.end(),
                               q.municipality) != c.municipalities_delivered.end();
    const auto& t = c.territory;
    bool served = t.kind == TerritoryKind::kCountry ||
                  (t.kind == TerritoryKind::kMunicipalities &&
                   std::find(t.codes.begin(), t.codes.end(), q.municipality) != t.codes.end()) ||
                  (t.kind != TerritoryKind::kMunicipalities &&
                   std::binary_search(c.orps.begin(), c.orps.end(), cq.municipality_orp));
    if (!delivered && !served) return false;
  }
  return true;
}

bool ServiceIndex::MatchesKeys(const SearchableCard& c, const CompiledQuery& cq) const {
  const ServiceQuery& q = cq.q;
  if (!q.sector.empty() && c.sector != q.sector) return false;
  if (!q.service_type.empty() && c.service_type != q.service_type) return false;
  auto in_orps = [&](const std::string& orp) {
    return std::binary_search(c.orps.begin(), c.orps.end(), orp);
  };
  if (!q.orp.empty() && !in_orps(q.orp)) return false;
  if (!q.municipality.empty() && !in_orps(cq.municipality_orp)) return false;
  if (!q.region.empty() && std::none_of(c.orps.begin(), c.orps.end(), [&](const std::string& o) {
        const Orp* orp = territory_->FindOrp(o);
        return orp && orp->region_code == q.region;
      }))
    return false;
  for (const auto& word : cq.words) {
    bool found = false;
    std::string_view rest = c.words;
    for (size_t space; !found && (space = rest.find(' ')) != std::string_view::npos;) {
      found = rest.substr(0, space).substr(0, word.size()) == word;
      rest.remove_prefix(space + 1);
    }
    if (!found) return false;
  }
  return true;
}

template <typename F>
void ServiceIndex::ForEachIndexed(const CompiledQuery& cq, F visit) const {
  static const Postings kEmpty;
  const ServiceQuery& q = cq.q;
  // Every list a hit must be in; the shortest drives, the others are probed.
  std::vector<Postings> owned;
  owned.reserve(cq.words.size());
  std::vector<const Postings*> lists;
  for (const auto& word : cq.words) lists.push_back(&owned.emplace_back(PrefixPostings(word)));
  auto require = [&](const std::vector<std::pair<std::string, Postings>>& index,
                     const std::string& key) {
    if (key.empty()) return;
    const Postings* p = Find(index, key);
    lists.push_back(p ? p : &kEmpty);
  };
  require(by_orp_, q.orp);
  require(by_region_, q.region);
  require(by_type_, q.service_type);
  require(by_sector_, q.sector);
  require(by_orp_, cq.municipality_orp);
  auto consider = [&](uint32_t pos) {
    for (const Postings* l : lists)
      if (!Contains(*l, pos)) return;
    if (MatchesAttributes(*cards_[pos], cq)) visit(*cards_[pos]);
  };
  if (lists.empty()) {
    for (uint32_t pos = 0; pos < cards_.size(); ++pos) consider(pos);
    return;
  }
  auto shortest = std::min_element(lists.begin(), lists.end(),
                                   [](auto* a, auto* b) { return a->size() < b->size(); });
  const Postings* driver = *shortest;
  lists.erase(shortest);
  for (uint32_t pos : *driver) consider(pos);
}

ServiceIndex::Hits ServiceIndex::Search(const ServiceQuery& q, const SearchOverlay& overlay) const {
  Hits hits;
  CompiledQuery cq = Compile(q);
  if (cq.impossible) return hits;
  auto emit = [&](const SearchableCard& c) {
    if (hits.total >= q.offset && hits.page.size() < q.limit) hits.page.push_back(&c);
    ++hits.total;
    hits.sources.Add(c.source);
  };
  // Changed cards are few: test each, then merge them into the index's order.
  std::vector<const SearchableCard*> changed;
  for (const auto& c : overlay.cards)
    if (MatchesKeys(*c, cq) && MatchesAttributes(*c, cq)) changed.push_back(c.get());
  size_t next = 0;
  ForEachIndexed(cq, [&](const SearchableCard& c) {
    if (!overlay.shadowed.empty() && overlay.shadowed.count(c.id)) return;
    while (next < changed.size() && CzechOrderLess(*changed[next], c)) emit(*changed[next++]);
    emit(c);
  });
  while (next < changed.size()) emit(*changed[next++]);
  return hits;
}

}  // namespace prosit
