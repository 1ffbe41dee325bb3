#pragma once
// A compact binary form of records for files prosit writes for itself alone (the snapshot
// checkpoint), never for exchange: integers as varints, strings as length and bytes. The
// members of a struct are named once, in a BinaryFields<T> specialisation (see
// io/record_fields.h); the writer, the reader and the layout fingerprint all follow it,
// so a new member is one more name in its kind's list.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace prosit {

// Specialise for each struct: template <typename V, typename R> static void Visit(V&& v,
// R& r) { v(r.a, r.b); } — R is T or const T.
template <typename T>
struct BinaryFields;

class BinaryWriter {
 public:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Signed(int64_t v) {  // zigzag: small negative numbers stay short
    Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void Bytes(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Reads what a BinaryWriter wrote. Reading past the end or a length beyond the data
// makes it bad for good; what it returns then is default values, never out of bounds.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : p_(data.data()), end_(p_ + data.size()) {}

  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) return Fail();
      uint8_t b = static_cast<uint8_t>(*p_++);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    return Fail();
  }
  int64_t Signed() {
    uint64_t v = Varint();
    return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  std::string_view Bytes() {
    uint64_t n = Varint();
    if (n > remaining()) return Fail(), std::string_view();
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  bool Raw(void* to, size_t n) {
    if (n > remaining()) return Fail(), false;
    std::memcpy(to, p_, n);
    p_ += n;
    return true;
  }
  // A count of elements, each at least a byte long: larger than the rest is corruption.
  size_t Count() {
    uint64_t n = Varint();
    return n > remaining() ? (Fail(), 0) : static_cast<size_t>(n);
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }

  const char* p_;
  const char* end_;
  bool ok_ = true;
};

namespace binary_detail {
template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
}  // namespace binary_detail

template <typename T>
void Encode(BinaryWriter& w, const T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    w.Varint(v ? 1 : 0);
  } else if constexpr (std::is_enum_v<T>) {
    w.Varint(static_cast<uint64_t>(v));
  } else if constexpr (std::is_integral_v<T>) {
    w.Signed(static_cast<int64_t>(v));
  } else if constexpr (std::is_same_v<T, double>) {
    w.Raw(&v, sizeof v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.Bytes(v);
  } else if constexpr (binary_detail::IsVector<T>::value) {
    w.Varint(v.size());
    for (const auto& e : v) Encode(w, e);
  } else if constexpr (binary_detail::IsOptional<T>::value) {
    w.Varint(v ? 1 : 0);
    if (v) Encode(w, *v);
  } else {
    BinaryFields<T>::Visit([&w](const auto&... f) { (Encode(w, f), ...); }, v);
  }
}

template <typename T>
void Decode(BinaryReader& r, T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    v = r.Varint() != 0;
  } else if constexpr (std::is_enum_v<T>) {
    v = static_cast<T>(r.Varint());
  } else if constexpr (std::is_integral_v<T>) {
    v = static_cast<T>(r.Signed());
  } else if constexpr (std::is_same_v<T, double>) {
    r.Raw(&v, sizeof v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    v.assign(r.Bytes());
  } else if constexpr (binary_detail::IsVector<T>::value) {
    v.resize(r.Count());
    for (auto& e : v) Decode(r, e);
  } else if constexpr (binary_detail::IsOptional<T>::value) {
    if (r.Varint() != 0) {
      v.emplace();
      Decode(r, *v);
    } else {
      v.reset();
    }
  } else {
    BinaryFields<T>::Visit([&r](auto&... f) { (Decode(r, f), ...); }, v);
  }
}

// The shape of T's binary form as text ("{iis[s]?i}"): files of another shape — written
// by a build whose records have other members — are recognised and not read.
template <typename T>
void DescribeLayout(std::string& out) {
  if constexpr (std::is_same_v<T, bool>) {
    out += 'b';
  } else if constexpr (std::is_enum_v<T>) {
    out += 'e';
  } else if constexpr (std::is_integral_v<T>) {
    out += 'i';
  } else if constexpr (std::is_same_v<T, double>) {
    out += 'd';
  } else if constexpr (std::is_same_v<T, std::string>) {
    out += 's';
  } else if constexpr (binary_detail::IsVector<T>::value) {
    out += '[';
    DescribeLayout<typename T::value_type>(out);
    out += ']';
  } else if constexpr (binary_detail::IsOptional<T>::value) {
    out += '?';
    DescribeLayout<typename T::value_type>(out);
  } else {
    out += '{';
    T sample{};
    BinaryFields<T>::Visit(
        [&out](const auto&... f) { (DescribeLayout<std::decay_t<decltype(f)>>(out), ...); },
        sample);
    out += '}';
  }
}

}  // namespace prosit
