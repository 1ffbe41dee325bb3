#include "io/osrm_table.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace prosit {

namespace {

void AppendPoints(std::string& out, std::span<const GeoPoint> points) {
  char text[64];
  for (const GeoPoint& p : points) {
    std::snprintf(text, sizeof text, "%s%.6f,%.6f", out.back() == '/' ? "" : ";", p.lon, p.lat);
    out += text;
  }
}

// "0;1;2" for indices [first, first + count).
std::string IndexList(size_t first, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ';';
    out += std::to_string(first + i);
  }
  return out;
}

std::string Text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string OsrmTablePath(std::string_view profile, std::span<const GeoPoint> sources,
                          std::span<const GeoPoint> destinations) {
  std::string path = "/table/v1/" + std::string(profile) + "/";
  AppendPoints(path, sources);
  AppendPoints(path, destinations);
  path += "?sources=" + IndexList(0, sources.size());
  path += "&destinations=" + IndexList(sources.size(), destinations.size());
  path += "&annotations=duration";
  return path;
}

std::optional<std::string> OsrmErrorMessage(std::string_view body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || Text(j, "code").empty()) return std::nullopt;
  std::string message = Text(j, "message");
  return Text(j, "code") + (message.empty() ? "" : ": " + message);
}

Result<OsrmDurations> ParseOsrmTable(std::string_view body, size_t sources, size_t destinations) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Malformed("OSRM answered with something that is not a JSON object");
  std::string code = Text(j, "code");
  if (code != "Ok") {
    auto error = OsrmErrorMessage(body);
    return Status::Invalid("OSRM refused the request: " +
                           (error ? *error : std::string("no code in the answer")));
  }
  auto rows = j.find("durations");
  if (rows == j.end() || !rows->is_array() || rows->size() != sources)
    return Status::Malformed("OSRM's durations are not an array of " + std::to_string(sources) +
                             " rows");
  OsrmDurations out{sources, destinations, {}};
  out.seconds.reserve(sources * destinations);
  for (size_t s = 0; s < sources; ++s) {
    const auto& row = (*rows)[s];
    if (!row.is_array() || row.size() != destinations)
      return Status::Malformed("OSRM's durations row " + std::to_string(s) + " does not have " +
                               std::to_string(destinations) + " values");
    for (const auto& v : row) {
      if (v.is_null()) {
        out.seconds.emplace_back();
      } else if (v.is_number() && v.get<double>() >= 0) {
        out.seconds.emplace_back(v.get<double>());
      } else {
        return Status::Malformed("OSRM's durations row " + std::to_string(s) + " holds " +
                                 v.dump() + ", not seconds or null");
      }
    }
  }
  return out;
}

}  // namespace prosit
