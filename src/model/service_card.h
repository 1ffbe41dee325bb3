#pragma once
// ServiceCard (karta služby): one service of an actor — what it is, for whom, where,
// how much, how to get in, and above all what it does and does not do.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/actor.h"
#include "model/contact.h"
#include "model/provenance.h"

namespace prosit {

// Where a service is delivered: a municipality and, if known, the exact place.
struct DeliveryLocation {
  std::string municipality_code;
  std::string street;
  GeoPoint location;
  bool has_location = false;
};

// Which territory a service serves; outreach services reach it with no travel.
enum class TerritoryKind { kMunicipalities, kOrp, kRegion, kCountry };

struct TerritoryServed {
  TerritoryKind kind = TerritoryKind::kOrp;
  std::vector<std::string> codes;  // municipality, ORP or region codes; empty for kCountry
};

struct Capacity {
  std::optional<double> amount;
  std::string unit = "none";  // ReferenceData::capacity_units id
};

struct RegistryId {
  std::string registry;  // e.g. "social_services_register"
  std::string id;
};

// How a client gets in.
enum class Access { kDirect, kReferral, kBoth };

struct ServiceCard {
  int64_t id = 0;
  int64_t version = 0;
  int64_t actor_id = 0;
  std::string name;
  std::string service_type;  // ReferenceData::service_types id
  std::vector<std::string> need_areas;
  int level = 0;
  std::string description;
  std::string target_group;
  int age_min = 0;
  int age_max = 26;
  std::vector<std::string> forms;  // ambulatory | outreach | residential | remote
  std::vector<DeliveryLocation> locations;
  TerritoryServed territory;
  Capacity capacity;
  std::optional<int> waiting_days;
  bool free_of_charge = true;
  std::string cost_note;
  std::string hours;
  Access access = Access::kDirect;
  std::string access_note;
  std::string does;      // what it does (competences)
  std::string does_not;  // what it does not do
  std::vector<Contact> contacts;
  std::vector<RegistryId> registry_ids;
  std::string last_verified;  // ISO date YYYY-MM-DD, or empty
  bool published = true;
  bool confidential_address = false;  // e.g. a shelter: address never public
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

inline constexpr const char* kForms[] = {"ambulatory", "outreach", "residential", "remote"};

const char* ToString(TerritoryKind kind);
std::optional<TerritoryKind> ParseTerritoryKind(const std::string& s);
const char* ToString(Access access);
std::optional<Access> ParseAccess(const std::string& s);

}  // namespace prosit
