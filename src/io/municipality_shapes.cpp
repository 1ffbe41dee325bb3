#include "io/municipality_shapes.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

namespace prosit {

namespace {

std::string CodeOf(const nlohmann::json& id) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_number_integer()) return std::to_string(id.get<int64_t>());
  return "";
}

// Every arc index in a Polygon's rings or a MultiPolygon's polygons.
template <typename Visit>
void ForEachArc(nlohmann::json& arcs, int depth, Visit& visit) {
  for (auto& a : arcs) {
    if (depth == 0)
      visit(a);
    else
      ForEachArc(a, depth - 1, visit);
  }
}

int DepthOf(const std::string& type) { return type == "Polygon" ? 1 : 2; }

// FNV-1a: the ETag only has to change when the bytes do.
std::string EtagOf(const std::string& body) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) h = (h ^ c) * 1099511628211ull;
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

// A transform must carry a scale and a translate of two numbers each.
bool ValidTransform(const nlohmann::json& t) {
  auto pair = [&](const char* key) {
    const nlohmann::json& v = t.value(key, nlohmann::json());
    return v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number();
  };
  return pair("scale") && pair("translate");
}

}  // namespace

Result<std::unique_ptr<MunicipalityShapes>> MunicipalityShapes::Parse(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("type", "") != "Topology")
    return Status::Invalid("municipality boundaries: not a TopoJSON Topology");
  if (!doc["arcs"].is_array() || !doc["objects"].is_object() || doc["objects"].size() != 1)
    return Status::Invalid("municipality boundaries: need arcs and exactly one object");
  std::unique_ptr<MunicipalityShapes> s(new MunicipalityShapes());
  if (doc.contains("transform")) s->transform_ = doc["transform"];
  s->arcs_.reserve(doc["arcs"].size());
  for (const auto& arc : doc["arcs"]) s->arcs_.push_back(arc.dump());
  if (s->transform_.is_object() && !ValidTransform(s->transform_))
    return Status::Invalid("municipality boundaries: a transform without scale and translate");
  const nlohmann::json& collection = doc["objects"].begin().value();
  if (!collection.is_object() || !collection["geometries"].is_array())
    return Status::Invalid("municipality boundaries: the object is not a GeometryCollection");
  const int64_t arc_count = static_cast<int64_t>(s->arcs_.size());
  for (const auto& g : collection["geometries"]) {
    Geometry geo{CodeOf(g.value("id", nlohmann::json())), g.value("type", ""),
                 g.value("arcs", nlohmann::json())};
    if (geo.code.empty() || (geo.type != "Polygon" && geo.type != "MultiPolygon") ||
        !geo.arcs.is_array())
      return Status::Invalid("municipality boundaries: a geometry without a code or polygon");
    bool ok = true;
    auto check = [&](nlohmann::json& a) {
      int64_t i = a.is_number_integer() ? a.get<int64_t>() : arc_count;
      if (i < 0) i = ~i;
      if (i >= arc_count) ok = false;
    };
    ForEachArc(geo.arcs, DepthOf(geo.type), check);
    if (!ok) return Status::Invalid("municipality boundaries: " + geo.code + " names no arc");
    if (!s->by_code_.emplace(geo.code, s->geometries_.size()).second)
      return Status::Invalid("municipality boundaries: " + geo.code + " appears twice");
    s->geometries_.push_back(std::move(geo));
  }
  return s;
}

std::shared_ptr<const ShapesDocument> MunicipalityShapes::Select(
    const std::string& key, const std::vector<std::string>& codes,
    const Properties& properties) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  // Built outside the lock: two first requests may both build it, and get equal bytes.
  auto doc = std::make_shared<const ShapesDocument>(Build(codes, properties));
  std::lock_guard<std::mutex> lock(mu_);
  return cache_.emplace(key, doc).first->second;
}

ShapesDocument MunicipalityShapes::Build(const std::vector<std::string>& codes,
                                         const Properties& properties) const {
  std::vector<size_t> picked;
  if (codes.empty()) {
    for (size_t i = 0; i < geometries_.size(); ++i) picked.push_back(i);
  } else {
    for (const auto& c : codes)
      if (auto it = by_code_.find(c); it != by_code_.end()) picked.push_back(it->second);
  }
  // Arcs are renumbered in the order first used, so a selection carries only its own.
  std::unordered_map<int64_t, int64_t> renumber;
  std::vector<int64_t> kept;
  nlohmann::json geometries = nlohmann::json::array();
  for (size_t i : picked) {
    const Geometry& g = geometries_[i];
    nlohmann::json arcs = g.arcs;
    auto remap = [&](nlohmann::json& a) {
      int64_t old = a.get<int64_t>();
      int64_t index = old < 0 ? ~old : old;
      auto [it, added] = renumber.emplace(index, static_cast<int64_t>(kept.size()));
      if (added) kept.push_back(index);
      a = old < 0 ? ~it->second : it->second;
    };
    ForEachArc(arcs, DepthOf(g.type), remap);
    nlohmann::json geo = {{"type", g.type}, {"id", g.code}, {"arcs", std::move(arcs)}};
    if (properties) geo["properties"] = properties(g.code);
    geometries.push_back(std::move(geo));
  }
  nlohmann::json head = {{"type", "Topology"}};
  if (!transform_.is_null()) head["transform"] = transform_;
  head["objects"] = {
      {"municipalities", {{"type", "GeometryCollection"}, {"geometries", std::move(geometries)}}}};
  std::string body = head.dump();
  // The arcs are spliced in as kept text rather than parsed again.
  body.pop_back();
  body += ",\"arcs\":[";
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i) body += ',';
    body += arcs_[kept[i]];
  }
  body += "]}";
  return {body, EtagOf(body)};
}

// An arc's points; quantized arcs (with a transform) are delta-encoded integers.
LonLatRing MunicipalityShapes::DecodeArc(int64_t index) const {
  LonLatRing out;
  nlohmann::json arc = nlohmann::json::parse(arcs_[static_cast<size_t>(index)], nullptr, false);
  if (!arc.is_array()) return out;
  const bool quantized = transform_.is_object();
  double sx = 1, sy = 1, tx = 0, ty = 0;
  if (quantized) {
    sx = transform_["scale"][0].get<double>();
    sy = transform_["scale"][1].get<double>();
    tx = transform_["translate"][0].get<double>();
    ty = transform_["translate"][1].get<double>();
  }
  out.reserve(arc.size());
  double x = 0, y = 0;  // a quantized arc's positions are deltas from the previous one
  for (const auto& p : arc) {
    if (!p.is_array() || p.size() < 2) continue;
    double px = p[0].get<double>(), py = p[1].get<double>();
    if (quantized) {
      x += px;
      y += py;
      out.push_back({x * sx + tx, y * sy + ty});
    } else {
      out.push_back({px, py});
    }
  }
  return out;
}

std::vector<LonLatRing> MunicipalityShapes::Rings(const std::string& code) const {
  std::vector<LonLatRing> rings;
  auto it = by_code_.find(code);
  if (it == by_code_.end()) return rings;
  const Geometry& g = geometries_[it->second];
  auto add_ring = [&](const nlohmann::json& arcs) {
    LonLatRing ring;
    for (const auto& a : arcs) {
      int64_t i = a.get<int64_t>();
      LonLatRing part = DecodeArc(i < 0 ? ~i : i);
      if (i < 0) std::reverse(part.begin(), part.end());
      // Consecutive arcs share their joining point.
      ring.insert(ring.end(), part.begin() + (ring.empty() || part.empty() ? 0 : 1), part.end());
    }
    if (!ring.empty()) rings.push_back(std::move(ring));
  };
  if (g.type == "Polygon") {
    for (const auto& r : g.arcs) add_ring(r);
  } else {
    for (const auto& polygon : g.arcs)
      for (const auto& r : polygon) add_ring(r);
  }
  return rings;
}

// Rings() in order, split at each polygon's count of rings.
std::vector<std::vector<LonLatRing>> MunicipalityShapes::Polygons(const std::string& code) const {
  std::vector<std::vector<LonLatRing>> polygons;
  std::vector<LonLatRing> rings = Rings(code);
  if (rings.empty()) return polygons;
  const Geometry& g = geometries_[by_code_.at(code)];
  auto take = [&](const nlohmann::json& polygon, size_t& next) {
    std::vector<LonLatRing>& out = polygons.emplace_back();
    for (const auto& r : polygon)
      if (!r.empty() && next < rings.size()) out.push_back(std::move(rings[next++]));
  };
  size_t next = 0;
  if (g.type == "Polygon") {
    take(g.arcs, next);
  } else {
    for (const auto& polygon : g.arcs) take(polygon, next);
  }
  return polygons;
}

}  // namespace prosit
