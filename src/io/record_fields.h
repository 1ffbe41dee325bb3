#pragma once
// The members of every record kind, and of the structs they hold, in their binary form
// (io/binary_codec.h): one list per struct. A member added to a record is added here
// too — the checkpoint round-trip test (tests/unit/checkpoint_test.cpp) fails until it is.

#include "io/binary_codec.h"
#include "model/actor.h"
#include "model/analysis_text.h"
#include "model/contact.h"
#include "model/meeting.h"
#include "model/need.h"
#include "model/participation.h"
#include "model/practice.h"
#include "model/service_card.h"
#include "model/strategy.h"
#include "model/territory.h"
#include "model/tie.h"

namespace prosit {

template <>
struct BinaryFields<GeoPoint> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.lat, r.lon);
  }
};

template <>
struct BinaryFields<Contact> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.name, r.role, r.phone, r.email, r.web, r.is_public);
  }
};

template <>
struct BinaryFields<Address> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.municipality_code, r.street, r.postcode, r.location, r.has_location);
  }
};

template <>
struct BinaryFields<Actor> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.ico, r.name, r.sector, r.actor_type, r.seat, r.web, r.contacts, r.note,
      r.distinct_from, r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<DeliveryLocation> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.municipality_code, r.street, r.location, r.has_location);
  }
};

template <>
struct BinaryFields<TerritoryServed> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.kind, r.codes);
  }
};

template <>
struct BinaryFields<Capacity> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.amount, r.unit);
  }
};

template <>
struct BinaryFields<RegistryId> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.registry, r.id);
  }
};

template <>
struct BinaryFields<ServiceCard> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.actor_id, r.name, r.service_type, r.need_areas, r.level, r.description,
      r.target_group, r.age_min, r.age_max, r.forms, r.locations, r.territory, r.capacity,
      r.waiting_days, r.free_of_charge, r.cost_note, r.hours, r.access, r.access_note, r.does,
      r.does_not, r.contacts, r.registry_ids, r.last_verified, r.published, r.confidential_address,
      r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<FollowUp> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.task, r.owner, r.due, r.done);
  }
};

template <>
struct BinaryFields<Meeting> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.date, r.orp_code, r.category, r.format, r.actor_ids, r.people,
      r.networkers, r.topic, r.notes, r.outputs, r.follow_ups, r.valid_from, r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<Need> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.statement, r.voiced_by, r.sectors, r.need_area, r.network_need, r.orp_code,
      r.date, r.priority, r.status, r.meeting_ids, r.theme_ids, r.valid_from, r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<PartnerRatings> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.power_influence, r.involvement, r.resource_contribution, r.reliability, r.mission_support,
      r.openness);
  }
};

template <>
struct BinaryFields<Tie> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.actor_a, r.actor_b, r.type, r.since, r.until, r.frequency, r.ratings,
      r.note, r.valid_from, r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<Theme> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.orp_code, r.title, r.why, r.since, r.status, r.valid_from, r.is_demo,
      r.source);
  }
};

template <>
struct BinaryFields<Goal> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.theme_id, r.title, r.description, r.since, r.status, r.valid_from,
      r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<Step> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.goal_id, r.title, r.deadline, r.actor_ids, r.status, r.outcome,
      r.completed_on, r.valid_from, r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<GoodPractice> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.orp_code, r.title, r.description, r.need_ids, r.theme_ids, r.valid_from,
      r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<Recommendation> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.orp_code, r.scope, r.text, r.need_ids, r.theme_ids, r.valid_from,
      r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<NetworkerContact> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.name, r.email, r.phone, r.user_id);
  }
};

template <>
struct BinaryFields<Participation> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.orp_code, r.since, r.until, r.networkers, r.note, r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<OrpText> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.orp_code, r.characteristics, r.good_practice, r.needs_and_themes, r.focus,
      r.meaning, r.analysis_outputs, r.recommendations, r.is_demo, r.source);
  }
};

template <>
struct BinaryFields<AnalysisText> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.version, r.orp_code, r.introduction, r.about_project, r.networking, r.child_needs,
      r.networks, r.network_analysis, r.cooperation, r.needs_found, r.good_practice,
      r.recommendations, r.conclusion, r.annex, r.is_demo, r.source);
  }
};

}  // namespace prosit
