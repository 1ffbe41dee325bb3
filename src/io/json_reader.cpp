#include "io/json_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace prosit {

using simdjson::dom::element_type;

simdjson::dom::parser& ThreadJsonParser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

namespace {

// The key that `object` holds twice, if any. Objects are small: comparing each pair of
// keys on the stack beats sorting, up to a few dozen.
std::optional<std::string_view> KeyTwice(simdjson::dom::object object) {
  constexpr size_t kFew = 32;
  if (object.size() > kFew) {
    std::vector<std::string_view> keys;
    for (auto field : object) keys.push_back(field.key);
    std::sort(keys.begin(), keys.end());
    auto it = std::adjacent_find(keys.begin(), keys.end());
    if (it == keys.end()) return std::nullopt;
    return *it;
  }
  std::string_view keys[kFew];
  size_t n = 0;
  for (auto field : object) {
    for (size_t j = 0; j < n; ++j)
      if (keys[j] == field.key) return field.key;
    keys[n++] = field.key;
  }
  return std::nullopt;
}

// Whether some object in `value` holds a key twice; if so, `reversed` gets the path to
// it, innermost segment first (paths are built only for the one found).
bool FindDuplicate(JsonValue value, std::vector<std::string>& reversed) {
  if (value.type() == element_type::ARRAY) {
    simdjson::dom::array array;
    if (value.get_array().get(array)) return false;
    size_t i = 0;
    for (JsonValue item : array) {
      if (FindDuplicate(item, reversed)) {
        reversed.push_back("[" + std::to_string(i) + "]");
        return true;
      }
      ++i;
    }
    return false;
  }
  simdjson::dom::object object;
  if (value.type() != element_type::OBJECT || value.get_object().get(object)) return false;
  if (auto key = KeyTwice(object)) {
    reversed.emplace_back(*key);
    return true;
  }
  for (auto field : object) {
    if (FindDuplicate(field.value, reversed)) {
      reversed.emplace_back(field.key);
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> DuplicateKey(JsonValue value) {
  std::vector<std::string> reversed;
  if (!FindDuplicate(value, reversed)) return std::nullopt;
  std::string path;
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) {
    if (!path.empty() && (it->empty() || it->front() != '[')) path += '.';
    path += *it;
  }
  return path;
}

Status CheckJsonText(std::string_view text) {
  return WithParsedJson(text, [](JsonValue) { return Status::Ok(); });
}

void ReadProvenance(JsonReader& r, bool& is_demo, Provenance& source) {
  bool has_demo = r.Get("demo").has_value();
  r.Bool("demo", is_demo);
  std::string text;
  r.String("source", text);
  if (text.empty()) {
    source = is_demo ? Provenance::kInvented : Provenance::kEntered;
    return;
  }
  auto parsed = ParseProvenance(text);
  if (!parsed) {
    r.errors()[r.Field("source")] = "unknown source '" + text + "'; allowed: entered, seeds, invented";
    return;
  }
  source = *parsed;
  if (!has_demo)
    is_demo = IsDemo(source);
  else if (is_demo != IsDemo(source))
    r.errors()[r.Field("source")] = is_demo ? "must be seeds or invented when demo is true"
                                            : "must be entered when demo is false";
}

JsonReader::JsonReader(JsonValue obj, FieldErrors& errors, std::string prefix)
    : obj_(obj),
      is_object_(obj.type() == element_type::OBJECT),
      errors_(errors),
      prefix_(std::move(prefix)) {
  if (!is_object_)
    errors_[prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1)] =
        "must be a JSON object";
}

std::optional<JsonValue> JsonReader::Get(const char* key) {
  known_.emplace_back(key);
  if (!is_object_) return std::nullopt;
  JsonValue v;
  if (obj_.get_object().at_key(key).get(v) || v.is_null()) return std::nullopt;
  return v;
}

void JsonReader::String(const char* key, std::string& out) {
  if (auto v = Get(key)) {
    std::string_view s;
    if (!v->get_string().get(s))
      out.assign(s);
    else
      errors_[Field(key)] = "must be a string";
  }
}

void JsonReader::Bool(const char* key, bool& out) {
  if (auto v = Get(key)) {
    if (v->get_bool().get(out)) errors_[Field(key)] = "must be true or false";
  }
}

void JsonReader::Int64(const char* key, int64_t& out) {
  if (auto v = Get(key)) {
    if (v->get_int64().get(out)) errors_[Field(key)] = "must be an integer";
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
  out.reset();
  if (Get(key)) {
    int v = 0;
    Int(key, v);
    out = v;
  }
}

void JsonReader::Number(const char* key, double& out) {
  if (auto v = Get(key)) {
    double d = 0;
    if (v->is_number() && !v->get_double().get(d) && std::isfinite(d))
      out = d;
    else
      errors_[Field(key)] = "must be a number";
  }
}

void JsonReader::OptionalNumber(const char* key, std::optional<double>& out) {
  out.reset();
  if (Get(key)) {
    double v = 0;
    Number(key, v);
    out = v;
  }
}

void JsonReader::Strings(const char* key, std::vector<std::string>& out) {
  auto v = Get(key);
  if (!v) return;
  simdjson::dom::array arr;
  if (v->get_array().get(arr)) {
    errors_[Field(key)] = "must be an array of strings";
    return;
  }
  out.clear();
  for (JsonValue item : arr) {
    std::string_view s;
    if (item.get_string().get(s)) {
      errors_[Field(key)] = "must be an array of strings";
      return;
    }
    out.emplace_back(s);
  }
}

template <typename T>
static void ReadIntegers(JsonReader& r, std::optional<JsonValue> v, const char* key,
                         std::vector<T>& out) {
  if (!v) return;
  simdjson::dom::array arr;
  if (v->get_array().get(arr)) {
    r.errors()[r.Field(key)] = "must be an array of integers";
    return;
  }
  out.clear();
  for (JsonValue item : arr) {
    int64_t i = 0;
    if (item.get_int64().get(i) || i < std::numeric_limits<T>::min() ||
        i > std::numeric_limits<T>::max()) {
      r.errors()[r.Field(key)] = "must be an array of integers";
      return;
    }
    out.push_back(static_cast<T>(i));
  }
}

void JsonReader::Ints(const char* key, std::vector<int>& out) {
  ReadIntegers(*this, Get(key), key, out);
}

void JsonReader::Int64s(const char* key, std::vector<int64_t>& out) {
  ReadIntegers(*this, Get(key), key, out);
}

void JsonReader::RejectUnknown() {
  if (!is_object_) return;
  for (auto field : obj_.get_object())
    if (std::find(known_.begin(), known_.end(), field.key) == known_.end())
      errors_[Field(field.key)] = "is not a known field";
}

}  // namespace prosit
