#include "model/reference_data.h"

namespace prosit {

namespace {

template <typename T>
void IndexById(const std::vector<T>& items, std::unordered_map<std::string, size_t>& index) {
  index.clear();
  for (size_t i = 0; i < items.size(); ++i) index[items[i].id] = i;
}

template <typename T>
const T* FindById(const std::vector<T>& items, const std::unordered_map<std::string, size_t>& index,
                  const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

}  // namespace

void ReferenceData::Index() {
  IndexById(need_areas, need_area_idx_);
  IndexById(sectors, sector_idx_);
  IndexById(actor_types, actor_type_idx_);
  IndexById(capacity_units, unit_idx_);
  IndexById(service_types, service_type_idx_);
  IndexById(meeting_categories, meeting_category_idx_);
  IndexById(network_need_categories, network_need_idx_);
}

const NeedArea* ReferenceData::FindNeedArea(const std::string& id) const {
  return FindById(need_areas, need_area_idx_, id);
}
const Sector* ReferenceData::FindSector(const std::string& id) const {
  return FindById(sectors, sector_idx_, id);
}
const ActorType* ReferenceData::FindActorType(const std::string& id) const {
  return FindById(actor_types, actor_type_idx_, id);
}
const CapacityUnit* ReferenceData::FindCapacityUnit(const std::string& id) const {
  return FindById(capacity_units, unit_idx_, id);
}
const ServiceType* ReferenceData::FindServiceType(const std::string& id) const {
  return FindById(service_types, service_type_idx_, id);
}
const Category* ReferenceData::FindMeetingCategory(const std::string& id) const {
  return FindById(meeting_categories, meeting_category_idx_, id);
}
const Category* ReferenceData::FindNetworkNeedCategory(const std::string& id) const {
  return FindById(network_need_categories, network_need_idx_, id);
}
const SupportLevel* ReferenceData::FindLevel(int level) const {
  for (const auto& l : support_levels)
    if (l.level == level) return &l;
  return nullptr;
}

}  // namespace prosit
