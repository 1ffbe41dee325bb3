#pragma once
// GeoJSON (RFC 7946) writer: features with a Point, Polygon or MultiPolygon in WGS 84
// longitude/latitude order and free properties, as one FeatureCollection. Pure: it
// writes text, the caller decides what goes in (and what a reader may not see).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/municipality_shapes.h"

namespace prosit {

using GeoPolygon = std::vector<LonLatRing>;  // the outer ring, then holes

struct GeoFeature {
  nlohmann::json id;  // a string or a number; null: none
  // Exactly one of: a point, or polygons (one: a Polygon, more: a MultiPolygon). Neither:
  // a feature without geometry ("geometry": null).
  bool has_point = false;
  LonLat point{};
  std::vector<GeoPolygon> polygons;
  // The properties as the text of a JSON object: written once by the caller (JsonWriter),
  // not built as a document per feature, for the national files' tens of thousands.
  std::string properties = "{}";
};

// The FeatureCollection; `members` are added beside "type" and "features" (RFC 7946
// §6.1 foreign members, e.g. the scope and the method). Rings are closed where they
// are not; coordinates keep 6 decimals (about 0.1 m).
std::string WriteFeatureCollection(const std::vector<GeoFeature>& features,
                                   const nlohmann::json& members = nlohmann::json::object());

}  // namespace prosit
