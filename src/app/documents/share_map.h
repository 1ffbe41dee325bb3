#pragma once
// ShareMap: a map of municipalities as a document's Drawing, each filled by a share of
// 0..1 in five classes from red (none within the norm) to green (all), with the ORPs'
// names at their seats, a legend and a scale bar in kilometres. Longitude and latitude
// are projected to a local plane (equirectangular about the map's middle), which keeps
// distances true to a few per cent over a Czech region.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "documents/document.h"
#include "analysis/coverage.h"
#include "io/municipality_shapes.h"
#include "model/territory.h"

namespace prosit {

struct ShareMapInput {
  // The municipalities to draw and their shares (nullopt: no children, drawn grey).
  std::map<std::string, std::optional<double>> share_by_municipality;
  std::vector<const Orp*> orps;  // labelled at their seats
  std::string legend_title;
  std::string no_data = "bez dětí";  // the grey's label
};

// Each municipality of the coverage's ORP by the share of the model's cells its children
// reach within the norm by public transport (nullopt: no children), added to `out`.
void AddMunicipalityShares(const OrpCoverage& c, const Territory& t,
                           std::map<std::string, std::optional<double>>& out);

// The fill of a share: one of five classes of 20 points each, grey without a share.
Rgb ShareColour(std::optional<double> share);

// Municipalities without a shape are left out; an input without any shape gives a
// drawing with the legend alone.
Drawing DrawShareMap(const MunicipalityShapes& shapes, const ShareMapInput& input);

// The length of the scale bar: a round number of kilometres near a fifth of `span_km`.
double ScaleBarKm(double span_km);

}  // namespace prosit
