// accessibility_probe: runs ComputeAccessibility on one case read as JSON from a file
// (or stdin) and prints the result as JSON, for the cross-check against the NumPy
// reference (tests/reference/check_accessibility.py).
//
// Input:  {"demand": [P_k…], "cutoff": minutes,
//          "legs": [[from, to, minutes]…]  (sparse) or "matrix": [[minutes|null…]…],
//          "sites": [[place, capacity]…],
//          "outreach": [{"places": […], "capacity": c, "office": place (optional)}…],
//          "catchment": {"max_minutes": d0, "decay": "step", "steps": [[share, w]…]}}
// Numbers may be written as "nan", "inf" or "-inf" to test bad input.
// Output: {"access", "site_ratio", "outreach_ratio", "supply_total",
//          "supply_without_demand", "sites_without_demand", "outreach_without_demand"}

#include <cmath>
#include <fstream>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>

#include "analysis/accessibility.h"

using namespace prosit;
using nlohmann::json;

namespace {

double Number(const json& v) {
  if (v.is_number()) return v.get<double>();
  std::string s = v.get<std::string>();
  if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
  if (s == "inf") return std::numeric_limits<double>::infinity();
  if (s == "-inf") return -std::numeric_limits<double>::infinity();
  throw std::runtime_error("not a number: " + s);
}

// JSON has no NaN: a non-finite result is printed as a string so the check can see it.
json Out(double v) { return std::isfinite(v) ? json(v) : json(std::to_string(v)); }

json Out(const std::vector<double>& values) {
  json a = json::array();
  for (double v : values) a.push_back(Out(v));
  return a;
}

int Run(const json& in) {
  std::vector<double> demand;
  for (const auto& v : in.at("demand")) demand.push_back(Number(v));
  const size_t n = demand.size();
  const TravelMode mode = TravelMode::kCar;
  TravelTimesBuilder b(n);
  b.SetCutoff(mode, static_cast<float>(in.value("cutoff", 1e9)));
  if (in.contains("legs"))
    for (const auto& l : in["legs"])
      b.Add(mode, l[0].get<uint32_t>(), l[1].get<uint32_t>(), static_cast<float>(Number(l[2])));
  if (in.contains("matrix"))
    for (uint32_t i = 0; i < in["matrix"].size(); ++i)
      for (uint32_t j = 0; j < in["matrix"][i].size(); ++j)
        if (!in["matrix"][i][j].is_null())
          b.Add(mode, i, j, static_cast<float>(Number(in["matrix"][i][j])));
  TravelTimes times = std::move(b).Build("probe");

  std::vector<SupplySite> sites;
  for (const auto& s : in.value("sites", json::array()))
    sites.push_back({s[0].get<uint32_t>(), Number(s[1])});
  std::vector<OutreachSupply> outreach;
  for (const auto& o : in.value("outreach", json::array())) {
    outreach.push_back(
        {o.at("places").get<std::vector<uint32_t>>(), Number(o.at("capacity")), std::nullopt});
    if (o.contains("office")) outreach.back().office = o.at("office").get<uint32_t>();
  }

  AccessibilityInput input;
  input.demand = demand;
  input.sites = sites;
  input.outreach = outreach;
  input.times = &times;
  input.mode = mode;
  const json& c = in.at("catchment");
  input.catchment.max_minutes = static_cast<float>(Number(c.at("max_minutes")));
  auto decay = ParseDistanceDecay(c.at("decay").get<std::string>());
  if (!decay) throw std::runtime_error("unknown decay");
  input.catchment.decay = *decay;
  if (c.contains("steps")) {
    input.catchment.steps.clear();
    for (const auto& z : c["steps"])
      input.catchment.steps.push_back(
          {static_cast<float>(Number(z[0])), static_cast<float>(Number(z[1]))});
  }

  AccessibilityResult r = ComputeAccessibility(input);
  json out = {{"access", Out(r.access)},
              {"site_ratio", Out(r.site_ratio)},
              {"outreach_ratio", Out(r.outreach_ratio)},
              {"supply_total", Out(r.supply_total)},
              {"supply_without_demand", Out(r.supply_without_demand)},
              {"sites_without_demand", r.sites_without_demand},
              {"outreach_without_demand", r.outreach_without_demand}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    json in;
    if (argc > 1) {
      std::ifstream f(argv[1]);
      in = json::parse(f);
    } else {
      in = json::parse(std::cin);
    }
    return Run(in);
  } catch (const std::exception& e) {
    std::cerr << "accessibility_probe: " << e.what() << "\n";
    return 2;
  }
}
