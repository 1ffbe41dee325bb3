#pragma once
// ReferenceData: the editable vocabulary of the domain — need areas, support levels,
// sectors, actor types, the service-type taxonomy, capacity units, the optimal model
// and the model situations. Loaded from data/reference/ (see io/reference_json.h).

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace prosit {

// A label in both UI languages.
struct Label {
  std::string cs;
  std::string en;
};

struct NeedArea {
  std::string id;
  Label label;
  Label description;
};

struct SupportLevel {
  int level = 0;
  std::string id;
  Label label;
  Label for_whom;
  int max_minutes_pt = 0;
  int max_minutes_car = 0;
};

struct Sector {
  std::string id;
  Label label;
};

struct ActorType {
  std::string id;
  Label label;
  std::string sector;
};

struct CapacityUnit {
  std::string id;
  Label label;
};

struct ServiceType {
  std::string id;
  Label label;
  std::string abbr;
  std::string sector;
  std::string legal_basis;
  std::string registry;
  std::vector<std::string> need_areas;
  int level = 0;
  std::vector<std::string> forms;
  std::string capacity_unit;
};

// One cell of the optimal model: what an ORP should have for a need area at a level.
struct ModelCell {
  std::string need_area;
  int level = 0;
  std::vector<std::string> service_types;
  int max_minutes_pt = 0;
  int max_minutes_car = 0;
  std::optional<double> min_capacity_per_1000_children;
  Label explanation;
};

// An entry of a plain list: a category of meetings (as counted in the seeds' "Síťování
// v číslech") or of network needs.
struct Category {
  std::string id;
  Label label;
};

// A life situation of the public navigator, worded for the people in it (data/reference/
// model_situations.json): the need areas and levels behind it and the service types that
// can help. "Kdo co dělá" names the responsible ones first.
struct ModelSituation {
  std::string id;
  Label label;
  std::vector<std::string> need_areas;
  std::vector<int> levels;
  std::string safety_first;  // "yes" | "no" | "depends"
  Label advice;
  std::vector<std::string> service_types;              // services that can help
  std::vector<std::string> responsible_service_types;  // the actor whose duty it is
  std::vector<std::string> audience;                   // see kSituationAudiences
};

// A national number to call when safety is at stake (112, 155, 158, 150) or a national
// helpline (116 111 Linka bezpečí, …): the navigator shows them before any local service
// where a situation puts the child's safety first.
struct EmergencyContact {
  std::string id;
  std::string number;  // as people dial it, grouped: "116 111"
  std::string kind;    // "emergency" (the integrated rescue system) | "helpline"
  Label label;
  Label when;   // when to call, in plain words
  Label hours;  // empty when nonstop
  bool free = true;
  bool nonstop = true;
};

// Who a situation's wording is written for.
inline constexpr const char* kSituationAudiences[] = {"parents", "children", "teachers"};

class ReferenceData {
 public:
  std::vector<NeedArea> need_areas;
  std::vector<SupportLevel> support_levels;
  std::vector<Sector> sectors;
  std::vector<ActorType> actor_types;
  std::vector<CapacityUnit> capacity_units;
  std::vector<ServiceType> service_types;
  std::vector<ModelCell> model_cells;
  std::vector<ModelSituation> situations;
  std::vector<Category> meeting_categories;
  std::vector<Category> network_need_categories;
  std::vector<EmergencyContact> emergency_contacts;

  // Builds the lookup indexes; call once after filling the vectors.
  void Index();

  const NeedArea* FindNeedArea(const std::string& id) const;
  const SupportLevel* FindLevel(int level) const;
  const Sector* FindSector(const std::string& id) const;
  const ActorType* FindActorType(const std::string& id) const;
  const CapacityUnit* FindCapacityUnit(const std::string& id) const;
  const ServiceType* FindServiceType(const std::string& id) const;
  const Category* FindMeetingCategory(const std::string& id) const;
  const Category* FindNetworkNeedCategory(const std::string& id) const;

 private:
  std::unordered_map<std::string, size_t> need_area_idx_, sector_idx_, actor_type_idx_, unit_idx_,
      service_type_idx_, meeting_category_idx_, network_need_idx_;
};

}  // namespace prosit
