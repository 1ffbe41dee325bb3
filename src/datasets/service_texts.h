#pragma once
// ServiceText: the generator's plausible defaults per service type — the card's name,
// what it does and does not do (Czech), the ages served, a capacity range, how to get in.

#include <string>

#include "model/service_card.h"

namespace prosit {

// Default content of a generated service card of one service type.
struct ServiceText {
  const char* type;      // ReferenceData::service_types id
  const char* name;      // the card's name
  const char* does;      // what it does (Czech)
  const char* does_not;  // what it does not do (Czech)
  int age_min;
  int age_max;
  int capacity_lo;  // capacity range in the type's unit; 0 and 0: not given
  int capacity_hi;
  Access access;
};

// The defaults for `type`; a generic entry for types the table does not know.
const ServiceText& TextForType(const std::string& type);

}  // namespace prosit
