#pragma once
// Actor (aktér sítě): an organisation of the local network — OSPOD, a provider, a school,
// a doctor, the police — identified by its IČO where it has one.

#include <cstdint>
#include <string>
#include <vector>

#include "model/contact.h"
#include "model/provenance.h"
#include "model/territory.h"

namespace prosit {

struct Address {
  std::string municipality_code;
  std::string street;  // street and number, free text
  std::string postcode;
  GeoPoint location;  // filled from the municipality when not given
  bool has_location = false;
};

struct Actor {
  int64_t id = 0;
  int64_t version = 0;
  std::string ico;  // 8 digits with a valid checksum, or empty for bodies without one
  std::string name;
  std::string sector;      // ReferenceData::sectors id
  std::string actor_type;  // ReferenceData::actor_types id
  Address seat;
  std::string web;
  std::vector<Contact> contacts;
  std::string note;
  // Actors this one is knowingly distinct from though they share its IČO or its name and
  // address (two branches of one organisation): the duplicate check passes them.
  std::vector<int64_t> distinct_from;
  bool is_demo = false;                      // generated demo data, not a real record
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

}  // namespace prosit
