#pragma once
// A small map of one municipality as inline SVG — its outline and a point, such as the
// place of a service — drawn on the server from the boundaries prosit holds: no tiles,
// no script, no request to another site. Longitude and latitude are projected
// equirectangularly about the municipality's middle, true enough over a few kilometres.

#include <string>
#include <string_view>

#include "io/municipality_shapes.h"
#include "model/territory.h"

namespace prosit {

// The SVG (width `width_px`, height by the shape's proportions) of municipality `code`
// with `point` marked when given; `label` names the map for screen readers. Empty when
// the shapes do not know the code.
std::string MunicipalityMapSvg(const MunicipalityShapes& shapes, const std::string& code,
                               const GeoPoint* point, std::string_view label, int width_px = 320);

}  // namespace prosit
