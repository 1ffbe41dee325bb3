#include "io/geojson.h"

#include <cstdio>

namespace prosit {

namespace {

void AppendPosition(std::string& out, const LonLat& p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "[%.6f,%.6f]", p.lon, p.lat);
  out += buf;
}

void AppendRing(std::string& out, const LonLatRing& ring) {
  out += '[';
  for (size_t i = 0; i < ring.size(); ++i) {
    if (i) out += ',';
    AppendPosition(out, ring[i]);
  }
  // A linear ring ends where it starts (RFC 7946 §3.1.6).
  if (!ring.empty() &&
      (ring.front().lon != ring.back().lon || ring.front().lat != ring.back().lat)) {
    out += ',';
    AppendPosition(out, ring.front());
  }
  out += ']';
}

void AppendPolygon(std::string& out, const GeoPolygon& polygon) {
  out += '[';
  for (size_t i = 0; i < polygon.size(); ++i) {
    if (i) out += ',';
    AppendRing(out, polygon[i]);
  }
  out += ']';
}

void AppendGeometry(std::string& out, const GeoFeature& f) {
  if (f.has_point) {
    out += "{\"type\":\"Point\",\"coordinates\":";
    AppendPosition(out, f.point);
    out += '}';
  } else if (f.polygons.size() == 1) {
    out += "{\"type\":\"Polygon\",\"coordinates\":";
    AppendPolygon(out, f.polygons.front());
    out += '}';
  } else if (!f.polygons.empty()) {
    out += "{\"type\":\"MultiPolygon\",\"coordinates\":[";
    for (size_t i = 0; i < f.polygons.size(); ++i) {
      if (i) out += ',';
      AppendPolygon(out, f.polygons[i]);
    }
    out += "]}";
  } else {
    out += "null";
  }
}

}  // namespace

std::string WriteFeatureCollection(const std::vector<GeoFeature>& features,
                                   const nlohmann::json& members) {
  std::string out = "{\"type\":\"FeatureCollection\"";
  for (const auto& [key, value] : members.items()) {
    if (key == "type" || key == "features") continue;
    out += ',' + nlohmann::json(key).dump() + ':' + value.dump();
  }
  out += ",\"features\":[";
  for (size_t i = 0; i < features.size(); ++i) {
    const GeoFeature& f = features[i];
    if (i) out += ',';
    out += "{\"type\":\"Feature\"";
    if (!f.id.is_null()) out += ",\"id\":" + f.id.dump();
    out += ",\"geometry\":";
    AppendGeometry(out, f);
    out += ",\"properties\":";
    out += f.properties;
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace prosit
