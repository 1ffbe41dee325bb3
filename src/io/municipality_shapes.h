#pragma once
// MunicipalityShapes: the municipalities' boundaries (data/territory/municipalities.topo.json,
// TopoJSON) held once in memory, and the part of them a map needs: the municipalities
// of one region or ORP with only the arcs they use, so that a client draws one ORP
// without loading the whole country. Each answer is built once and kept, with a strong
// ETag of its bytes.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/status.h"

namespace prosit {

// A point of a boundary in degrees.
struct LonLat {
  double lon = 0;
  double lat = 0;
};
using LonLatRing = std::vector<LonLat>;

// One answer: TopoJSON text and its ETag ("\"…\"").
struct ShapesDocument {
  std::string body;
  std::string etag;
};

class MunicipalityShapes {
 public:
  // Reads a Topology whose one object is a GeometryCollection of Polygons and
  // MultiPolygons, each with the municipality code as its id.
  static Result<std::unique_ptr<MunicipalityShapes>> Parse(const std::string& text);

  // What each kept municipality carries as properties (its name, its ORP).
  using Properties = std::function<nlohmann::json(const std::string& code)>;

  // The municipalities in `codes` (every one when `codes` is empty), as a Topology
  // with the object "municipalities" whose geometries' ids are the codes as strings.
  // `key` names the selection for the cache ("", "region:CZ053", "orp:5304").
  std::shared_ptr<const ShapesDocument> Select(const std::string& key,
                                               const std::vector<std::string>& codes,
                                               const Properties& properties) const;

  // The closed rings of municipality `code` (outer rings and holes of all its polygons,
  // for an even-odd fill), decoded from the arcs; empty for an unknown code.
  std::vector<LonLatRing> Rings(const std::string& code) const;

  // The same rings grouped by polygon (each: the outer ring, then its holes), as GeoJSON
  // writes them; empty for an unknown code.
  std::vector<std::vector<LonLatRing>> Polygons(const std::string& code) const;

  size_t size() const { return geometries_.size(); }

 private:
  struct Geometry {
    std::string code;
    std::string type;     // Polygon or MultiPolygon
    nlohmann::json arcs;  // indices into arcs_, ~i for a reversed arc
  };
  MunicipalityShapes() = default;
  LonLatRing DecodeArc(int64_t index) const;
  ShapesDocument Build(const std::vector<std::string>& codes, const Properties& properties) const;

  nlohmann::json transform_;
  std::vector<std::string> arcs_;  // each arc's JSON text
  std::vector<Geometry> geometries_;
  std::map<std::string, size_t> by_code_;

  mutable std::mutex mu_;
  mutable std::map<std::string, std::shared_ptr<const ShapesDocument>> cache_;
};

}  // namespace prosit
