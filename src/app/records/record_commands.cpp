#include "app/records/record_commands.h"

#include "app/accounts/permissions.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/practice_json.h"
#include "io/strategy_json.h"
#include "io/tie_json.h"
#include "model/validation.h"

namespace prosit {

namespace {

// What differs between actors and service cards on the write path.
struct ActorTraits {
  using Value = Actor;
  static constexpr EntityKind kKind = EntityKind::kActor;
  static Result<Actor> Parse(std::string_view text) { return ActorFromJson(text); }
  static nlohmann::json ToJson(const Actor& a) { return ActorToJson(a); }
  static void Prepare(Actor&, const ReferenceData&) {}
  static FieldErrors Validate(const Actor& a, const ValidationContext& ctx) {
    return ValidateActor(a, ctx);
  }
  static int64_t Parent(const Actor&) { return 0; }
  static std::vector<Reference> References(const Actor&) { return {}; }
  static Status MayWrite(const Caller& caller, const Actor& a, const NetworkSnapshot& snap,
                         WriteOp op) {
    return MayWriteActor(caller, PlaceOf(a, snap), op);
  }
  static bool MayRead(const Caller&, const Actor&, const NetworkSnapshot&) { return true; }
};

struct CardTraits {
  using Value = ServiceCard;
  static constexpr EntityKind kKind = EntityKind::kServiceCard;
  static Result<ServiceCard> Parse(std::string_view text) { return ServiceCardFromJson(text); }
  static nlohmann::json ToJson(const ServiceCard& c) { return ServiceCardToJson(c); }
  static void Prepare(ServiceCard& c, const ReferenceData& ref) {
    ApplyServiceTypeDefaults(c, ref);
  }
  static FieldErrors Validate(const ServiceCard& c, const ValidationContext& ctx) {
    return ValidateServiceCard(c, ctx);
  }
  static int64_t Parent(const ServiceCard& c) { return c.actor_id; }
  static std::vector<Reference> References(const ServiceCard&) { return {}; }  // see Parent
  static Status MayWrite(const Caller& caller, const ServiceCard& c, const NetworkSnapshot& snap,
                         WriteOp) {
    return MayWriteCard(caller, PlaceOf(c, snap));
  }
  static bool MayRead(const Caller& caller, const ServiceCard& c, const NetworkSnapshot& snap) {
    return SeesCard(caller, c, snap);
  }
};

// References to records named by a list of ids, each named "field[i]" in errors.
void AddReferences(std::vector<Reference>& refs, EntityKind kind, const std::vector<int64_t>& ids,
                   const std::string& field) {
  for (size_t i = 0; i < ids.size(); ++i)
    refs.push_back({kind, ids[i], field + "[" + std::to_string(i) + "]"});
}

// The traits of a kind of networking record whose only rules beyond its own fields are
// the records it refers to.
template <typename T, EntityKind K, Result<T> (*ParseFn)(std::string_view),
          nlohmann::json (*ToJsonFn)(const T&),
          FieldErrors (*ValidateFn)(const T&, const ValidationContext&)>
struct RecordTraits {
  using Value = T;
  static constexpr EntityKind kKind = K;
  static Result<T> Parse(std::string_view text) { return ParseFn(text); }
  static nlohmann::json ToJson(const T& v) { return ToJsonFn(v); }
  static void Prepare(T&, const ReferenceData&) {}
  static FieldErrors Validate(const T& v, const ValidationContext& ctx) {
    return ValidateFn(v, ctx);
  }
  static int64_t Parent(const T&) { return 0; }
  static Status MayWrite(const Caller& caller, const T& v, const NetworkSnapshot& snap, WriteOp) {
    return MayWriteWork(caller, PlaceOf(v, snap));
  }
  static bool MayRead(const Caller& caller, const T& v, const NetworkSnapshot& snap) {
    return MayReadWork(caller, PlaceOf(v, snap)).ok();
  }
};

struct MeetingTraits
    : RecordTraits<Meeting, EntityKind::kMeeting, MeetingFromJson, MeetingToJson, ValidateMeeting> {
  static std::vector<Reference> References(const Meeting& m) {
    std::vector<Reference> refs;
    AddReferences(refs, EntityKind::kActor, m.actor_ids, "actor_ids");
    return refs;
  }
};

struct NeedTraits : RecordTraits<Need, EntityKind::kNeed, NeedFromJson, NeedToJson, ValidateNeed> {
  static std::vector<Reference> References(const Need& n) {
    std::vector<Reference> refs;
    AddReferences(refs, EntityKind::kActor, n.voiced_by, "voiced_by");
    AddReferences(refs, EntityKind::kMeeting, n.meeting_ids, "meeting_ids");
    AddReferences(refs, EntityKind::kTheme, n.theme_ids, "theme_ids");
    return refs;
  }
};

struct ThemeTraits
    : RecordTraits<Theme, EntityKind::kTheme, ThemeFromJson, ThemeToJson, ValidateTheme> {
  static std::vector<Reference> References(const Theme&) { return {}; }
};

struct GoalTraits : RecordTraits<Goal, EntityKind::kGoal, GoalFromJson, GoalToJson, ValidateGoal> {
  static std::vector<Reference> References(const Goal& g) {
    return {{EntityKind::kTheme, g.theme_id, "theme_id"}};
  }
};

struct StepTraits : RecordTraits<Step, EntityKind::kStep, StepFromJson, StepToJson, ValidateStep> {
  static std::vector<Reference> References(const Step& s) {
    std::vector<Reference> refs = {{EntityKind::kGoal, s.goal_id, "goal_id"}};
    AddReferences(refs, EntityKind::kActor, s.actor_ids, "actor_ids");
    return refs;
  }
  // A step cannot be due before its goal was set.
  static Status CheckWith(const Step& s, StoreTransaction& tx) {
    auto doc = tx.Get(EntityKind::kGoal, s.goal_id);
    if (!doc.ok()) return doc.status();
    if (!doc->has_value()) return Status::Ok();  // the reference check names goal_id
    auto goal = GoalFromJson((*doc)->json);
    if (!goal.ok()) return Status::Corruption("stored goal: " + goal.status().ToString());
    FieldErrors errors = ValidateStepInGoal(s, *goal);
    if (!errors.empty()) return Status::Invalid("the step is due before its goal was set", errors);
    return Status::Ok();
  }
};

struct GoodPracticeTraits
    : RecordTraits<GoodPractice, EntityKind::kGoodPractice, GoodPracticeFromJson,
                   GoodPracticeToJson, ValidateGoodPractice> {
  static std::vector<Reference> References(const GoodPractice& p) {
    std::vector<Reference> refs;
    AddReferences(refs, EntityKind::kNeed, p.need_ids, "need_ids");
    AddReferences(refs, EntityKind::kTheme, p.theme_ids, "theme_ids");
    return refs;
  }
};

struct RecommendationTraits
    : RecordTraits<Recommendation, EntityKind::kRecommendation, RecommendationFromJson,
                   RecommendationToJson, ValidateRecommendation> {
  static std::vector<Reference> References(const Recommendation& r) {
    std::vector<Reference> refs;
    AddReferences(refs, EntityKind::kNeed, r.need_ids, "need_ids");
    AddReferences(refs, EntityKind::kTheme, r.theme_ids, "theme_ids");
    return refs;
  }
};

struct TieTraits : RecordTraits<Tie, EntityKind::kTie, TieFromJson, TieToJson, ValidateTie> {
  static std::vector<Reference> References(const Tie& t) {
    return {{EntityKind::kActor, t.actor_a, "actor_a"}, {EntityKind::kActor, t.actor_b, "actor_b"}};
  }
};

}  // namespace

void ApplyServiceTypeDefaults(ServiceCard& card, const ReferenceData& reference) {
  const ServiceType* type = reference.FindServiceType(card.service_type);
  if (!type) return;
  if (card.need_areas.empty()) card.need_areas = type->need_areas;
  if (card.level == 0) card.level = type->level;
  if (card.forms.empty()) card.forms = type->forms;
  if (card.capacity.unit.empty() || (card.capacity.unit == "none" && card.capacity.amount))
    card.capacity.unit = type->capacity_unit;
}

Status RecordCommands::AfterWrite(Status written) {
  if (!written.ok()) return written;
  // The write is committed whatever happens next: report it done. Should catching up
  // fail, the health check says so and the change follower keeps trying.
  keeper_.CatchUp();
  return Status::Ok();
}

// Rules that need other records, checked inside the write's transaction; a kind without
// such rules has no CheckWith.
template <typename Entity>
Status CheckWithOthers(const typename Entity::Value& value, StoreTransaction& tx) {
  if constexpr (requires { Entity::CheckWith(value, tx); }) return Entity::CheckWith(value, tx);
  return Status::Ok();
}

// The caller may change the record as it is stored now (a missing one is left to the
// write, which answers 404).
template <typename Entity>
Status MayChangeStored(const Caller& caller, int64_t id, const NetworkSnapshot& snap,
                       StoreTransaction& tx, WriteOp op) {
  auto doc = tx.Get(Entity::kKind, id);
  if (!doc.ok()) return doc.status();
  if (!doc->has_value()) return Status::Ok();
  auto stored = Entity::Parse((*doc)->json);
  if (!stored.ok()) return Status::Corruption("stored record: " + stored.status().ToString());
  // One the caller may not read is, to the caller, one that does not exist (as the store
  // words it): a refusal would tell that it does.
  if (!Entity::MayRead(caller, *stored, snap))
    return Status::NotFound(std::string(EntityName(Entity::kKind)) + " " + std::to_string(id) +
                            " does not exist");
  return Entity::MayWrite(caller, *stored, snap, op);
}

// A record may refer only to records the writer may read; one it may not, or one missing
// from the snapshot, is answered as the store answers a missing one ("no meeting 17").
Status CheckReadableReferences(const Caller& caller, const NetworkSnapshot& snap,
                               const std::vector<Reference>& refs) {
  FieldErrors hidden;
  for (const Reference& ref : refs)
    if (VisibilityOf(caller, snap, ref.kind, ref.id) != Visibility::kReadable)
      hidden[ref.field] = std::string("no ") + EntityName(ref.kind) + " " + std::to_string(ref.id);
  if (hidden.empty()) return Status::Ok();
  return Status::Invalid("the record refers to records that do not exist", hidden);
}

template <typename Entity>
Result<std::string> RecordCommands::Put(int64_t id, std::string_view body,
                                        std::optional<int64_t> if_match, const Caller& caller) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  auto parsed = Entity::Parse(body);
  if (!parsed.ok()) return parsed.status();
  typename Entity::Value value = std::move(*parsed);
  int64_t expected = 0;
  if (id != 0) {
    expected = if_match ? *if_match : value.version;
    if (expected == 0)
      return Status::Precondition(
          "an update needs the version it changes: send If-Match "
          "with the ETag you read, or \"version\" in the body");
    if (value.id != 0 && value.id != id)
      return Status::Invalid("the body names another record", {{"id", "differs from the URL"}});
  }
  auto snap = keeper_.Current();
  const ReferenceData& ref = snap->frame->reference;
  Entity::Prepare(value, ref);
  ValidationContext ctx{ref, snap->frame->territory, clock_.Today()};
  FieldErrors errors = Entity::Validate(value, ctx);
  if (!errors.empty()) return Status::Invalid("the record breaks some rules", errors);
  // Before the place check: a goal's place is its theme's, so a refusal there would tell
  // that the theme exists.
  PROSIT_RETURN_IF_ERROR(CheckReadableReferences(caller, *snap, Entity::References(value)));
  PROSIT_RETURN_IF_ERROR(
      Entity::MayWrite(caller, value, *snap, id == 0 ? WriteOp::kCreate : WriteOp::kUpdate));

  std::string stored;
  Author author{caller.author(), clock_.now()};
  Status s = store_.Transact(author, [&](StoreTransaction& tx) -> Status {
    if (id != 0)
      PROSIT_RETURN_IF_ERROR(MayChangeStored<Entity>(caller, id, *snap, tx, WriteOp::kUpdate));
    PROSIT_RETURN_IF_ERROR(CheckWithOthers<Entity>(value, tx));
    DocumentPut put;
    put.kind = Entity::kKind;
    put.id = id;
    put.expected_version = expected;
    put.parent_id = Entity::Parent(value);
    put.references = Entity::References(value);
    put.render = [&](int64_t new_id, int64_t version) {
      value.id = new_id;
      value.version = version;
      return Entity::ToJson(value).dump();
    };
    auto doc = tx.Put(put);
    if (!doc.ok()) return doc.status();
    stored = doc->json;
    return Status::Ok();
  });
  PROSIT_RETURN_IF_ERROR(AfterWrite(s));
  return stored;
}

template <typename Entity>
Status RecordCommands::Delete(int64_t id, std::optional<int64_t> if_match, const Caller& caller) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  if (!if_match)
    return Status::Precondition("a delete needs the version it removes: send If-Match");
  auto snap = keeper_.Current();
  Author author{caller.author(), clock_.now()};
  Status s = store_.Transact(author, [&](StoreTransaction& tx) {
    PROSIT_RETURN_IF_ERROR(MayChangeStored<Entity>(caller, id, *snap, tx, WriteOp::kDelete));
    return tx.Delete(Entity::kKind, id, *if_match);
  });
  return AfterWrite(s);
}

Result<std::string> RecordCommands::CreateActor(std::string_view body, const Caller& caller) {
  return Put<ActorTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateActor(int64_t id, std::string_view body,
                                                std::optional<int64_t> if_match,
                                                const Caller& caller) {
  return Put<ActorTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteActor(int64_t id, std::optional<int64_t> if_match,
                                   const Caller& caller) {
  return Delete<ActorTraits>(id, if_match, caller);
}
Result<std::string> RecordCommands::CreateServiceCard(std::string_view body, const Caller& caller) {
  return Put<CardTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateServiceCard(int64_t id, std::string_view body,
                                                      std::optional<int64_t> if_match,
                                                      const Caller& caller) {
  return Put<CardTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteServiceCard(int64_t id, std::optional<int64_t> if_match,
                                         const Caller& caller) {
  return Delete<CardTraits>(id, if_match, caller);
}

Result<std::string> RecordCommands::CreateMeeting(std::string_view body, const Caller& caller) {
  return Put<MeetingTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateMeeting(int64_t id, std::string_view body,
                                                  std::optional<int64_t> if_match,
                                                  const Caller& caller) {
  return Put<MeetingTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteMeeting(int64_t id, std::optional<int64_t> if_match,
                                     const Caller& caller) {
  return Delete<MeetingTraits>(id, if_match, caller);
}

Result<std::string> RecordCommands::CreateNeed(std::string_view body, const Caller& caller) {
  return Put<NeedTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateNeed(int64_t id, std::string_view body,
                                               std::optional<int64_t> if_match,
                                               const Caller& caller) {
  return Put<NeedTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteNeed(int64_t id, std::optional<int64_t> if_match,
                                  const Caller& caller) {
  return Delete<NeedTraits>(id, if_match, caller);
}

Result<std::string> RecordCommands::CreateTie(std::string_view body, const Caller& caller) {
  return Put<TieTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateTie(int64_t id, std::string_view body,
                                              std::optional<int64_t> if_match,
                                              const Caller& caller) {
  return Put<TieTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteTie(int64_t id, std::optional<int64_t> if_match,
                                 const Caller& caller) {
  return Delete<TieTraits>(id, if_match, caller);
}

Result<std::string> RecordCommands::CreateTheme(std::string_view body, const Caller& caller) {
  return Put<ThemeTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateTheme(int64_t id, std::string_view body,
                                                std::optional<int64_t> if_match,
                                                const Caller& caller) {
  return Put<ThemeTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteTheme(int64_t id, std::optional<int64_t> if_match,
                                   const Caller& caller) {
  return Delete<ThemeTraits>(id, if_match, caller);
}
Result<std::string> RecordCommands::CreateGoal(std::string_view body, const Caller& caller) {
  return Put<GoalTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateGoal(int64_t id, std::string_view body,
                                               std::optional<int64_t> if_match,
                                               const Caller& caller) {
  return Put<GoalTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteGoal(int64_t id, std::optional<int64_t> if_match,
                                  const Caller& caller) {
  return Delete<GoalTraits>(id, if_match, caller);
}
Result<std::string> RecordCommands::CreateStep(std::string_view body, const Caller& caller) {
  return Put<StepTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateStep(int64_t id, std::string_view body,
                                               std::optional<int64_t> if_match,
                                               const Caller& caller) {
  return Put<StepTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteStep(int64_t id, std::optional<int64_t> if_match,
                                  const Caller& caller) {
  return Delete<StepTraits>(id, if_match, caller);
}

Result<std::string> RecordCommands::CreateGoodPractice(std::string_view body,
                                                       const Caller& caller) {
  return Put<GoodPracticeTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateGoodPractice(int64_t id, std::string_view body,
                                                       std::optional<int64_t> if_match,
                                                       const Caller& caller) {
  return Put<GoodPracticeTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteGoodPractice(int64_t id, std::optional<int64_t> if_match,
                                          const Caller& caller) {
  return Delete<GoodPracticeTraits>(id, if_match, caller);
}
Result<std::string> RecordCommands::CreateRecommendation(std::string_view body,
                                                         const Caller& caller) {
  return Put<RecommendationTraits>(0, body, std::nullopt, caller);
}
Result<std::string> RecordCommands::UpdateRecommendation(int64_t id, std::string_view body,
                                                         std::optional<int64_t> if_match,
                                                         const Caller& caller) {
  return Put<RecommendationTraits>(id, body, if_match, caller);
}
Status RecordCommands::DeleteRecommendation(int64_t id, std::optional<int64_t> if_match,
                                            const Caller& caller) {
  return Delete<RecommendationTraits>(id, if_match, caller);
}

}  // namespace prosit
