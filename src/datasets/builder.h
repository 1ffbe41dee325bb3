#pragma once
// DatasetBuilder: the generator's workbench — owns the random stream and the batch being
// built, and turns a few decisions (who, which service type, where, for which territory)
// into complete, valid demo records: IČO, contacts, texts, capacity, dates.

#include <cstdint>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/records/record_batch.h"
#include "model/reference_data.h"
#include "model/territory.h"

namespace prosit {

// The territory a card serves, by kind.
TerritoryServed ServedOrp(const std::string& orp_code);
TerritoryServed ServedMunicipality(const std::string& municipality_code);
TerritoryServed ServedRegion(const std::string& region_code);
TerritoryServed ServedCountry();

class DatasetBuilder {
 public:
  DatasetBuilder(const Territory& territory, const ReferenceData& reference, uint64_t seed);

  // Adds an actor seated in `seat` (sector from the actor type); returns its index.
  size_t AddActor(const std::string& name, const std::string& actor_type, const Municipality& seat);
  // Same, with an explicit sector (the seeds name it).
  size_t AddActor(const std::string& name, const std::string& sector, const std::string& actor_type,
                  const Municipality& seat);

  // Adds a card of `type` to actor `actor`, delivered in `place` (none for outreach or
  // remote only), filled from the type and its ServiceText. The reference stays valid
  // only until the next AddCard.
  ServiceCard& AddCard(size_t actor, const std::string& type, const Municipality* place,
                       TerritoryServed territory);

  // A delivery location near the centre of `m`.
  DeliveryLocation PlaceIn(const Municipality& m, const std::string& street);
  // The street of a card whose address is confidential (a shelter): not its actor's seat,
  // which is public. Numbered above any seat's, and drawn without the random generator, so
  // the rest of the network stays as it was.
  std::string ConfidentialStreet() const;

  // Random helpers over the one seeded stream (portable: no std distributions).
  size_t Below(size_t n);
  double Unit();
  bool Chance(double p);
  int Between(int lo, int hi);

  // The networking work: meetings, needs and declared ties; each returns its index.
  size_t AddMeeting(BatchMeeting m) {
    batch_.meetings.push_back(std::move(m));
    return batch_.meetings.size() - 1;
  }
  size_t AddNeed(BatchNeed n) {
    batch_.needs.push_back(std::move(n));
    return batch_.needs.size() - 1;
  }
  size_t AddTie(BatchTie t) {
    batch_.ties.push_back(std::move(t));
    return batch_.ties.size() - 1;
  }
  // The strategy, good practices and recommendations; each returns its index.
  size_t AddTheme(Theme t) {
    batch_.themes.push_back(std::move(t));
    return batch_.themes.size() - 1;
  }
  size_t AddGoal(BatchGoal g) {
    batch_.goals.push_back(std::move(g));
    return batch_.goals.size() - 1;
  }
  size_t AddStep(BatchStep s) {
    batch_.steps.push_back(std::move(s));
    return batch_.steps.size() - 1;
  }
  size_t AddGoodPractice(BatchGoodPractice p) {
    batch_.good_practices.push_back(std::move(p));
    return batch_.good_practices.size() - 1;
  }
  size_t AddRecommendation(BatchRecommendation r) {
    batch_.recommendations.push_back(std::move(r));
    return batch_.recommendations.size() - 1;
  }
  void AddParticipation(Participation p) { batch_.participations.push_back(std::move(p)); }
  void AddOrpText(OrpText t) { batch_.orp_texts.push_back(std::move(t)); }

  size_t card_count() const { return batch_.cards.size(); }
  size_t actor_count() const { return batch_.actors.size(); }
  const BatchMeeting& meeting(size_t i) const { return batch_.meetings[i]; }
  size_t need_count() const { return batch_.needs.size(); }
  BatchNeed& need(size_t i) { return batch_.needs[i]; }
  const Actor& actor(size_t i) const { return batch_.actors[i]; }
  Actor& actor(size_t i) { return batch_.actors[i]; }
  const Territory& territory() const { return territory_; }
  const ReferenceData& reference() const { return reference_; }
  // The batch, its cards and steps completed as the rules ask (see Complete).
  RecordBatch Take();

 private:
  // Says for each card what the card template asks before publication (for whom, how to
  // get in, a contact) from what it knows, and dates each done step by its deadline.
  void Complete();
  std::string NewIco();
  std::string Phone();
  std::string VerifiedDate();
  GeoPoint Near(const GeoPoint& p);

  const Territory& territory_;
  const ReferenceData& reference_;
  std::mt19937_64 rng_;
  RecordBatch batch_;
  std::unordered_set<std::string> icos_;  // membership only, never iterated
};

}  // namespace prosit
