#pragma once
// JsonReader: reads typed fields out of a JSON object and collects one message per
// bad field (wrong type, unknown field), so a whole request reports all its errors.

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/status.h"

namespace prosit {

class JsonReader {
 public:
  // `prefix` names the object in messages ("seat." → "seat.municipality_code").
  JsonReader(const nlohmann::json& obj, FieldErrors& errors, std::string prefix = "");

  bool IsObject() const { return obj_.is_object(); }
  void String(const char* key, std::string& out);
  void Bool(const char* key, bool& out);
  void Int(const char* key, int& out);
  void Int64(const char* key, int64_t& out);
  void OptionalInt(const char* key, std::optional<int>& out);
  void OptionalNumber(const char* key, std::optional<double>& out);
  void Number(const char* key, double& out);
  void Strings(const char* key, std::vector<std::string>& out);
  // Present-and-not-null sub-value, or nullptr.
  const nlohmann::json* Get(const char* key);
  // Marks a key as known without reading it.
  void Accept(const char* key) { known_.insert(key); }
  // Reports every key that no read or Accept() named. Call last.
  void RejectUnknown();
  std::string Field(const std::string& key) const { return prefix_ + key; }
  FieldErrors& errors() { return errors_; }

 private:
  const nlohmann::json& obj_;
  FieldErrors& errors_;
  std::string prefix_;
  std::set<std::string> known_;
};

}  // namespace prosit
