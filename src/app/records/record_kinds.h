#pragma once
// The registry of record kinds: one entry per kind of record people write (actors,
// service cards and the records of networking work) saying what prosit needs to know of
// it — its name in the store and the change log, its route, its JSON form, its rules, the
// records it names and where it lies for the permissions. The commands, the write routes,
// the batch import, the permission checks and the audit trail read it, and a test holds
// the OpenAPI document to it, so that a new kind is an entry here and its own model and
// io files (docs/design.md, "Adding a record kind").
//
// It sits below the rest of app: it uses model, io, store and the snapshot only, so that
// the permission rules and the audit trail (app/accounts/) can use it as well.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/snapshot/network_snapshot.h"
#include "io/analysis_text_json.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/participation_json.h"
#include "io/practice_json.h"
#include "io/strategy_json.h"
#include "io/tie_json.h"
#include "model/validation.h"
#include "store/store.h"

namespace prosit {

// Which permission rule a kind follows (docs/permissions.md).
enum class AccessRule {
  kActor,  // public to read; written where its seat lies, or by its own editor
  kCard,   // shown when published; written by its actor's editors and where it is delivered
  kWork,   // internal records of networking work: read and written inside one's territory
};

// Where a record lies: the ORPs it belongs to and, for actors and cards, its actor. A
// region-level record lies in every ORP of its region and names the region: networkers
// of those ORPs read it, only those whose territory is the whole region write it.
struct RecordPlace {
  std::vector<std::string> orps;
  int64_t actor_id = 0;
  std::string region;  // a region-level record's region
};

// Where a record of networking work naming `code` lies: an ORP, or a whole region.
RecordPlace PlaceOfCode(const std::string& code, const NetworkSnapshot& snap);

// The entry of the kind whose model type is T; each specialisation below is one row of
// the registry. Members every entry has:
//   kKind    its EntityKind (its name in the store and the change log: EntityName)
//   kRoute   its path segment: POST /api/v1/<kRoute>, GET/PUT/PATCH/DELETE …/{id}
//   kLabel   how messages name it ("no good practice 7")
//   kSchema  the OpenAPI schema of its document
//   kAccess  which permission rule it follows
//   Parse, ToJson, Validate   its JSON reader and writer (io/) and its rules (model/)
//   References  the records it names, which must exist and cannot be deleted under it
//   Place       where it lies, for the permissions
//   Find        the record in the snapshot, or nullptr (records of networking work:
//               kSnapshotMap, the snapshot's map of them)
// and, from RecordKindBase unless the entry says otherwise: Parent (the store's parent
// column), Prepare (fills what was left out before validation), Settle (fills what the
// write decides from the stored record, inside the write's transaction), CheckWith
// (rules that need other stored records, checked there too) and CheckUnique (the record
// it would duplicate, 409, against the snapshot).
template <typename T>
struct RecordKind;

struct RecordKindBase {
  template <typename T>
  static int64_t Parent(const T&) {
    return 0;
  }
  template <typename T>
  static void Prepare(T&, const ReferenceData&) {}
  template <typename T>
  static Status Settle(T&, int64_t /*id*/, StoreTransaction&, const std::string& /*today*/) {
    return Status::Ok();
  }
  template <typename T>
  static Status CheckWith(const T&, StoreTransaction&) {
    return Status::Ok();
  }
  template <typename T>
  static Status CheckUnique(const T&, const NetworkSnapshot&) {
    return Status::Ok();
  }
};

// A record of networking work kept in one of the snapshot's maps.
template <typename T, auto kMap>
struct WorkKind : RecordKindBase {
  static constexpr AccessRule kAccess = AccessRule::kWork;
  static constexpr auto kSnapshotMap = kMap;
  static const T* Find(const NetworkSnapshot& snap, int64_t id) {
    auto it = (snap.*kMap).find(id);
    return it == (snap.*kMap).end() ? nullptr : it->second.get();
  }
};

// References to the records named by a list of ids, each named "field[i]" in errors.
void AddReferences(std::vector<Reference>& refs, EntityKind kind, const std::vector<int64_t>& ids,
                   const std::string& field);

// ---- the registry ------------------------------------------------------------------------

template <>
struct RecordKind<Actor> : RecordKindBase {
  static constexpr EntityKind kKind = EntityKind::kActor;
  static constexpr std::string_view kRoute = "actors", kLabel = "actor", kSchema = "Actor";
  static constexpr AccessRule kAccess = AccessRule::kActor;
  static constexpr auto Parse = ActorFromJson;
  static constexpr auto ToJson = ActorToJson;
  static constexpr auto Validate = ValidateActor;
  static std::vector<Reference> References(const Actor&) { return {}; }
  static RecordPlace Place(const Actor& actor, const NetworkSnapshot& snap);
  static const Actor* Find(const NetworkSnapshot& snap, int64_t id);
  // No other actor with its IČO, nor with its name at its address (model/duplicates.h).
  static Status CheckUnique(const Actor& actor, const NetworkSnapshot& snap);
};

template <>
struct RecordKind<ServiceCard> : RecordKindBase {
  static constexpr EntityKind kKind = EntityKind::kServiceCard;
  static constexpr std::string_view kRoute = "service-cards", kLabel = "service card",
                                    kSchema = "ServiceCard";
  static constexpr AccessRule kAccess = AccessRule::kCard;
  static constexpr auto Parse = ServiceCardFromJson;
  static constexpr auto ToJson = ServiceCardToJson;
  static constexpr auto Validate = ValidateServiceCard;
  // Its actor is its parent, which the store checks as it checks a reference.
  static std::vector<Reference> References(const ServiceCard&) { return {}; }
  static int64_t Parent(const ServiceCard& card) { return card.actor_id; }
  static void Prepare(ServiceCard& card, const ReferenceData& reference);
  static RecordPlace Place(const ServiceCard& card, const NetworkSnapshot& snap);
  static const ServiceCard* Find(const NetworkSnapshot& snap, int64_t id);
};

template <>
struct RecordKind<Meeting> : WorkKind<Meeting, &NetworkSnapshot::meetings> {
  static constexpr EntityKind kKind = EntityKind::kMeeting;
  static constexpr std::string_view kRoute = "meetings", kLabel = "meeting", kSchema = "Meeting";
  static constexpr auto Parse = MeetingFromJson;
  static constexpr auto ToJson = MeetingToJson;
  static constexpr auto Validate = ValidateMeeting;
  static std::vector<Reference> References(const Meeting& m);
  static RecordPlace Place(const Meeting& m, const NetworkSnapshot& snap) {
    return PlaceOfCode(m.orp_code, snap);
  }
};

template <>
struct RecordKind<Need> : WorkKind<Need, &NetworkSnapshot::needs> {
  static constexpr EntityKind kKind = EntityKind::kNeed;
  static constexpr std::string_view kRoute = "needs", kLabel = "need", kSchema = "Need";
  static constexpr auto Parse = NeedFromJson;
  static constexpr auto ToJson = NeedToJson;
  static constexpr auto Validate = ValidateNeed;
  static std::vector<Reference> References(const Need& n);
  static RecordPlace Place(const Need& n, const NetworkSnapshot& snap) {
    return PlaceOfCode(n.orp_code, snap);
  }
};

template <>
struct RecordKind<Tie> : WorkKind<Tie, &NetworkSnapshot::ties> {
  static constexpr EntityKind kKind = EntityKind::kTie;
  static constexpr std::string_view kRoute = "ties", kLabel = "tie", kSchema = "Tie";
  static constexpr auto Parse = TieFromJson;
  static constexpr auto ToJson = TieToJson;
  static constexpr auto Validate = ValidateTie;
  static std::vector<Reference> References(const Tie& t) {
    return {{EntityKind::kActor, t.actor_a, "actor_a"}, {EntityKind::kActor, t.actor_b, "actor_b"}};
  }
  // Where the seats of its two actors lie.
  static RecordPlace Place(const Tie& t, const NetworkSnapshot& snap);
  // No other tie of its type between its two actors while it lasts.
  static Status CheckUnique(const Tie& t, const NetworkSnapshot& snap);
};

template <>
struct RecordKind<Theme> : WorkKind<Theme, &NetworkSnapshot::themes> {
  static constexpr EntityKind kKind = EntityKind::kTheme;
  static constexpr std::string_view kRoute = "themes", kLabel = "theme", kSchema = "Theme";
  static constexpr auto Parse = ThemeFromJson;
  static constexpr auto ToJson = ThemeToJson;
  static constexpr auto Validate = ValidateTheme;
  static std::vector<Reference> References(const Theme&) { return {}; }
  static RecordPlace Place(const Theme& t, const NetworkSnapshot& snap) {
    return PlaceOfCode(t.orp_code, snap);
  }
};

template <>
struct RecordKind<Goal> : WorkKind<Goal, &NetworkSnapshot::goals> {
  static constexpr EntityKind kKind = EntityKind::kGoal;
  static constexpr std::string_view kRoute = "goals", kLabel = "goal", kSchema = "Goal";
  static constexpr auto Parse = GoalFromJson;
  static constexpr auto ToJson = GoalToJson;
  static constexpr auto Validate = ValidateGoal;
  static std::vector<Reference> References(const Goal& g) {
    return {{EntityKind::kTheme, g.theme_id, "theme_id"}};
  }
  // Where its theme lies.
  static RecordPlace Place(const Goal& g, const NetworkSnapshot& snap);
};

template <>
struct RecordKind<Step> : WorkKind<Step, &NetworkSnapshot::steps> {
  static constexpr EntityKind kKind = EntityKind::kStep;
  static constexpr std::string_view kRoute = "steps", kLabel = "step", kSchema = "Step";
  static constexpr auto Parse = StepFromJson;
  static constexpr auto ToJson = StepToJson;
  static constexpr auto Validate = ValidateStep;
  static std::vector<Reference> References(const Step& s);
  // Where its goal lies.
  static RecordPlace Place(const Step& s, const NetworkSnapshot& snap);
  // A step that becomes done without a completion date was completed today; one that
  // was done already keeps what it had (old records have no date, and no guess is made).
  static Status Settle(Step& s, int64_t id, StoreTransaction& tx, const std::string& today);
  // A step cannot be due, nor completed, before its goal was set.
  static Status CheckWith(const Step& s, StoreTransaction& tx);
};

template <>
struct RecordKind<GoodPractice> : WorkKind<GoodPractice, &NetworkSnapshot::good_practices> {
  static constexpr EntityKind kKind = EntityKind::kGoodPractice;
  static constexpr std::string_view kRoute = "good-practices", kLabel = "good practice",
                                    kSchema = "GoodPractice";
  static constexpr auto Parse = GoodPracticeFromJson;
  static constexpr auto ToJson = GoodPracticeToJson;
  static constexpr auto Validate = ValidateGoodPractice;
  static std::vector<Reference> References(const GoodPractice& p);
  static RecordPlace Place(const GoodPractice& p, const NetworkSnapshot&) {
    return {{p.orp_code}, 0, ""};
  }
};

template <>
struct RecordKind<Recommendation> : WorkKind<Recommendation, &NetworkSnapshot::recommendations> {
  static constexpr EntityKind kKind = EntityKind::kRecommendation;
  static constexpr std::string_view kRoute = "recommendations", kLabel = "recommendation",
                                    kSchema = "Recommendation";
  static constexpr auto Parse = RecommendationFromJson;
  static constexpr auto ToJson = RecommendationToJson;
  static constexpr auto Validate = ValidateRecommendation;
  static std::vector<Reference> References(const Recommendation& r);
  static RecordPlace Place(const Recommendation& r, const NetworkSnapshot&) {
    return {{r.orp_code}, 0, ""};
  }
};

template <>
struct RecordKind<Participation> : WorkKind<Participation, &NetworkSnapshot::participations> {
  static constexpr EntityKind kKind = EntityKind::kParticipation;
  static constexpr std::string_view kRoute = "participations", kLabel = "participation",
                                    kSchema = "Participation";
  static constexpr auto Parse = ParticipationFromJson;
  static constexpr auto ToJson = ParticipationToJson;
  static constexpr auto Validate = ValidateParticipation;
  static std::vector<Reference> References(const Participation&) { return {}; }
  static RecordPlace Place(const Participation& p, const NetworkSnapshot& snap) {
    return PlaceOfCode(p.orp_code, snap);
  }
};

template <>
struct RecordKind<OrpText> : WorkKind<OrpText, &NetworkSnapshot::orp_texts> {
  static constexpr EntityKind kKind = EntityKind::kOrpText;
  static constexpr std::string_view kRoute = "orp-texts", kLabel = "ORP text", kSchema = "OrpText";
  static constexpr auto Parse = OrpTextFromJson;
  static constexpr auto ToJson = OrpTextToJson;
  static constexpr auto Validate = ValidateOrpText;
  static std::vector<Reference> References(const OrpText&) { return {}; }
  static RecordPlace Place(const OrpText& t, const NetworkSnapshot& snap) {
    return PlaceOfCode(t.orp_code, snap);
  }
};

template <>
struct RecordKind<AnalysisText> : WorkKind<AnalysisText, &NetworkSnapshot::analysis_texts> {
  static constexpr EntityKind kKind = EntityKind::kAnalysisText;
  static constexpr std::string_view kRoute = "analysis-texts", kLabel = "analysis text",
                                    kSchema = "AnalysisText";
  static constexpr auto Parse = AnalysisTextFromJson;
  static constexpr auto ToJson = AnalysisTextToJson;
  static constexpr auto Validate = ValidateAnalysisText;
  static std::vector<Reference> References(const AnalysisText&) { return {}; }
  static RecordPlace Place(const AnalysisText& t, const NetworkSnapshot& snap) {
    return PlaceOfCode(t.orp_code, snap);
  }
};

// Every kind of the registry, in the order routes and documents list them.
template <typename... T>
struct KindList {};
using RecordTypes = KindList<Actor, ServiceCard, Meeting, Need, Tie, Theme, Goal, Step,
                             GoodPractice, Recommendation, Participation, OrpText, AnalysisText>;

// ---- using it ------------------------------------------------------------------------------

// Calls `visit.template operator()<T>()` for the model type T of `kind`; false when
// `kind` is no kind of the registry (a user, the territory, …).
template <typename Visit>
bool VisitRecordKind(EntityKind kind, Visit&& visit) {
  return []<typename... T>(EntityKind k, Visit& v, KindList<T...>) {
    return ((RecordKind<T>::kKind == k ? (v.template operator()<T>(), true) : false) || ...);
  }(kind, visit, RecordTypes{});
}

// What the routes and the documentation need of an entry, without its type.
struct RecordKindInfo {
  EntityKind kind;
  std::string_view name;   // EntityName(kind): "good_practice"
  std::string_view route;  // "good-practices"
  std::string_view label;  // "good practice"
  std::string_view schema;
  AccessRule access;
  std::string collection() const { return "/api/v1/" + std::string(route); }
  std::string item() const { return collection() + "/{id}"; }
};

const std::vector<RecordKindInfo>& RecordKinds();
const RecordKindInfo* FindRecordKind(EntityKind kind);

// Where a record of any registry kind lies.
template <typename T>
RecordPlace PlaceOf(const T& record, const NetworkSnapshot& snap) {
  return RecordKind<T>::Place(record, snap);
}

// Fills what a card left out from its service type: need areas, level, capacity unit.
void ApplyServiceTypeDefaults(ServiceCard& card, const ReferenceData& reference);

}  // namespace prosit
