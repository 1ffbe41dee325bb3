#pragma once
// JsonReader: reads typed fields out of a JSON object and collects one message per
// bad field (wrong type, unknown field), so a whole request reports all its errors.
// Parsing uses simdjson: start-up reads every stored document, and this is its hot path.

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/provenance.h"
#include "model/status.h"

namespace prosit {

using JsonValue = simdjson::dom::element;

// Parses `text` with this thread's parser and hands the root to `read`; the value is
// valid only during the call. Malformed JSON, invalid UTF-8 or a key twice in one object
// (JSON parsers disagree on which one wins) is kMalformed.
template <typename F>
auto WithParsedJson(std::string_view text, F read) -> decltype(read(std::declval<JsonValue>()));

class JsonReader {
 public:
  // `prefix` names the object in messages ("seat." → "seat.municipality_code").
  JsonReader(JsonValue obj, FieldErrors& errors, std::string prefix = "");

  bool IsObject() const { return is_object_; }
  void String(const char* key, std::string& out);
  void Bool(const char* key, bool& out);
  void Int(const char* key, int& out);
  void Int64(const char* key, int64_t& out);
  void OptionalInt(const char* key, std::optional<int>& out);
  void OptionalNumber(const char* key, std::optional<double>& out);
  void Number(const char* key, double& out);
  void Strings(const char* key, std::vector<std::string>& out);
  void Ints(const char* key, std::vector<int>& out);
  void Int64s(const char* key, std::vector<int64_t>& out);
  // Present-and-not-null sub-value, if any.
  std::optional<JsonValue> Get(const char* key);
  // Accepts and ignores `key`: a member the server writes for readers (the names beside
  // ids, app/networking/record_names.h), so that a document read can be sent back.
  void Skip(const char* key) { known_.emplace_back(key); }
  // Reports every key that no read named. Call last.
  void RejectUnknown();
  std::string Field(std::string_view key) const { return prefix_ + std::string(key); }
  FieldErrors& errors() { return errors_; }

 private:
  JsonValue obj_;
  bool is_object_ = false;
  FieldErrors& errors_;
  std::string prefix_;
  std::vector<std::string_view> known_;  // few keys: a vector beats a set here
};

// Reads an array of objects, each with `read_one`, naming items "key[i].".
template <typename T, typename F>
void ReadObjects(JsonReader& r, const char* key, std::vector<T>& out, F read_one) {
  auto v = r.Get(key);
  if (!v) return;
  simdjson::dom::array items;
  if (v->get_array().get(items)) {
    r.errors()[r.Field(key)] = "must be an array";
    return;
  }
  out.clear();
  size_t i = 0;
  for (JsonValue element : items) {
    JsonReader item(element, r.errors(), r.Field(key) + "[" + std::to_string(i++) + "].");
    T value;
    if (item.IsObject()) read_one(item, value);
    item.RejectUnknown();
    out.push_back(std::move(value));
  }
}

// The first key that some object in `value` holds twice, named by its path
// ("contacts[2].name"), or nullopt.
std::optional<std::string> DuplicateKey(JsonValue value);

// kMalformed when `text` is not JSON that WithParsedJson would read (say a duplicate key):
// for bodies that another parser reads.
Status CheckJsonText(std::string_view text);

// Reads "demo" and "source" together. Either alone implies the other (a record is demo
// data exactly when its source is not "entered"; a demo record that names no source was
// invented); given both, they must agree. An unknown source is a field error.
void ReadProvenance(JsonReader& r, bool& is_demo, Provenance& source);

// Reads a record of networking work: id, version, demo and source around the fields `read`
// takes; reports the shape errors of all fields at once. With field errors, `partial` (if
// given) gets what could be read, so the caller can check its rules too and report every
// error of the body in one answer.
template <typename T, typename Read>
Result<T> ReadRecord(std::string_view text, Read read, T* partial = nullptr);

// --- implementation of the templates --------------------------------------------------

simdjson::dom::parser& ThreadJsonParser();

template <typename F>
auto WithParsedJson(std::string_view text, F read) -> decltype(read(std::declval<JsonValue>())) {
  JsonValue root;
  auto error = ThreadJsonParser().parse(text.data(), text.size()).get(root);
  if (error)
    return Status::Malformed(std::string("not valid JSON: ") + simdjson::error_message(error));
  if (auto key = DuplicateKey(root))
    return Status::Malformed("duplicate key \"" + *key +
                             "\": each key may appear once in an object");
  return read(root);
}

template <typename T, typename Read>
Result<T> ReadRecord(std::string_view text, Read read, T* partial) {
  return WithParsedJson(text, [&](JsonValue j) -> Result<T> {
    FieldErrors errors;
    JsonReader r(j, errors);
    T value;
    r.Int64("id", value.id);
    r.Int64("version", value.version);
    read(r, value);
    ReadProvenance(r, value.is_demo, value.source);
    r.RejectUnknown();
    if (errors.empty()) return value;
    if (partial) *partial = std::move(value);
    return Status::Invalid("the body has fields of the wrong shape", errors);
  });
}

}  // namespace prosit
