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

#include "io/geojson.h"
#include "model/status.h"

namespace prosit {

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

  size_t size() const { return geometries_.size(); }

  // The boundary of one municipality as GeoJSON polygons in longitude/latitude (the
  // arcs decoded: delta-encoded, quantized by the transform, stitched into closed
  // rings); empty for a code it does not have.
  std::vector<GeoPolygon> Polygons(const std::string& code) const;

 private:
  struct Geometry {
    std::string code;
    std::string type;     // Polygon or MultiPolygon
    nlohmann::json arcs;  // indices into arcs_, ~i for a reversed arc
  };
  MunicipalityShapes() = default;
  ShapesDocument Build(const std::vector<std::string>& codes, const Properties& properties) const;

  nlohmann::json transform_;
  std::vector<std::string> arcs_;  // each arc's JSON text
  std::vector<GeoRing> points_;    // each arc decoded to positions
  std::vector<Geometry> geometries_;
  std::map<std::string, size_t> by_code_;

  mutable std::mutex mu_;
  mutable std::map<std::string, std::shared_ptr<const ShapesDocument>> cache_;
};

}  // namespace prosit
