#include "io/json_reader.h"

#include <cmath>

namespace prosit {

using nlohmann::json;

JsonReader::JsonReader(const json& obj, FieldErrors& errors, std::string prefix)
    : obj_(obj), errors_(errors), prefix_(std::move(prefix)) {
  if (!obj_.is_object())
    errors_[prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1)] =
        "must be a JSON object";
}

const json* JsonReader::Get(const char* key) {
  known_.insert(key);
  if (!obj_.is_object()) return nullptr;
  auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return nullptr;
  return &*it;
}

void JsonReader::String(const char* key, std::string& out) {
  if (const json* v = Get(key)) {
    if (v->is_string())
      out = v->get<std::string>();
    else
      errors_[Field(key)] = "must be a string";
  }
}

void JsonReader::Bool(const char* key, bool& out) {
  if (const json* v = Get(key)) {
    if (v->is_boolean())
      out = v->get<bool>();
    else
      errors_[Field(key)] = "must be true or false";
  }
}

void JsonReader::Int64(const char* key, int64_t& out) {
  if (const json* v = Get(key)) {
    if (v->is_number_integer())
      out = v->get<int64_t>();
    else
      errors_[Field(key)] = "must be an integer";
  }
}

void JsonReader::Int(const char* key, int& out) {
  int64_t v = out;
  Int64(key, v);
  if (v < INT32_MIN || v > INT32_MAX)
    errors_[Field(key)] = "is out of range";
  else
    out = static_cast<int>(v);
}

void JsonReader::OptionalInt(const char* key, std::optional<int>& out) {
  if (Get(key)) {
    int v = 0;
    Int(key, v);
    out = v;
  } else {
    out.reset();
  }
}

void JsonReader::Number(const char* key, double& out) {
  if (const json* v = Get(key)) {
    if (v->is_number() && std::isfinite(v->get<double>()))
      out = v->get<double>();
    else
      errors_[Field(key)] = "must be a number";
  }
}

void JsonReader::OptionalNumber(const char* key, std::optional<double>& out) {
  if (Get(key)) {
    double v = 0;
    Number(key, v);
    out = v;
  } else {
    out.reset();
  }
}

void JsonReader::Strings(const char* key, std::vector<std::string>& out) {
  const json* v = Get(key);
  if (!v) return;
  if (!v->is_array()) {
    errors_[Field(key)] = "must be an array of strings";
    return;
  }
  out.clear();
  for (const auto& item : *v) {
    if (!item.is_string()) {
      errors_[Field(key)] = "must be an array of strings";
      return;
    }
    out.push_back(item.get<std::string>());
  }
}

void JsonReader::RejectUnknown() {
  if (!obj_.is_object()) return;
  for (auto it = obj_.begin(); it != obj_.end(); ++it)
    if (!known_.count(it.key())) errors_[Field(it.key())] = "is not a known field";
}

}  // namespace prosit
