#pragma once
// RecordMap: the records of one kind in a snapshot, by id, for a kind with up to millions
// of records (meetings). It reads like the std::map it replaces (iteration in id order,
// find, count, size; elements are pair<const id, shared_ptr<const T>>), but its bulk is a
// RecordBase shared by every snapshot: records in id order that a checkpoint can leave
// encoded in its mapped file, each decoded the first time it is read and kept. Records
// written since the base go to a small overlay (a deletion is an empty entry there), so a
// start need not decode the bulk and a change does not copy it.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace prosit {

template <typename T>
class RecordBase {
 public:
  using value_type = std::pair<const int64_t, std::shared_ptr<const T>>;
  // Decodes one record's bytes; false when they do not hold one.
  using Decoder = std::function<bool(std::string_view, T&)>;
  // Called when a record's bytes do not decode although their file checked out: it must
  // not return (the caller serves nothing it cannot decode).
  using Damaged = std::function<void(int64_t id)>;

  // Records already decoded, in ascending id order.
  explicit RecordBase(std::vector<std::pair<int64_t, std::shared_ptr<const T>>> records)
      : ids_(records.size()), slots_(new std::atomic<value_type*>[records.size()]) {
    for (size_t i = 0; i < records.size(); ++i) {
      ids_[i] = records[i].first;
      slots_[i].store(new value_type(records[i].first, std::move(records[i].second)),
                      std::memory_order_relaxed);
    }
  }
  // Records still encoded: `bytes[i]` holds the record `ids[i]` (ids ascending) inside
  // memory that `keep` keeps alive (a mapped file).
  struct Encoded {
    std::shared_ptr<const void> keep;
    std::vector<int64_t> ids;
    std::vector<std::string_view> bytes;
    Decoder decode;
    Damaged damaged;
    std::function<void()> release;  // called once all are decoded: the bytes are not needed
  };
  explicit RecordBase(Encoded encoded)
      : e_(std::move(encoded)),
        ids_(std::move(e_.ids)),
        slots_(new std::atomic<value_type*>[ids_.size()]) {
    for (size_t i = 0; i < ids_.size(); ++i) slots_[i].store(nullptr, std::memory_order_relaxed);
  }
  ~RecordBase() {
    for (size_t i = 0; i < ids_.size(); ++i) delete slots_[i].load(std::memory_order_relaxed);
  }
  RecordBase(const RecordBase&) = delete;
  RecordBase& operator=(const RecordBase&) = delete;

  size_t size() const { return ids_.size(); }
  int64_t id(size_t i) const { return ids_[i]; }
  // The first position whose id is not less than `id`.
  size_t LowerBound(int64_t id) const {
    return static_cast<size_t>(std::lower_bound(ids_.begin(), ids_.end(), id) - ids_.begin());
  }
  bool Contains(int64_t id) const {
    size_t i = LowerBound(id);
    return i < ids_.size() && ids_[i] == id;
  }

  // The record at position i, decoded now if no one has yet. Threads that race decode it
  // each; one copy wins and the others are dropped.
  const value_type& Get(size_t i) const {
    if (value_type* v = slots_[i].load(std::memory_order_acquire)) return *v;
    auto record = std::make_shared<T>();
    if (!e_.decode(e_.bytes[i], *record)) e_.damaged(ids_[i]);
    auto* fresh = new value_type(ids_[i], std::move(record));
    value_type* expected = nullptr;
    if (slots_[i].compare_exchange_strong(expected, fresh, std::memory_order_acq_rel))
      return *fresh;
    delete fresh;
    return *expected;
  }

  // Decodes every record not read yet, stopping early when `stop` is set; once all are,
  // lets the encoded bytes go (a reader still decoding one finds them all the same).
  void DecodeAll(const std::atomic<bool>& stop) const {
    for (size_t i = 0; i < ids_.size(); ++i) {
      if (stop.load(std::memory_order_relaxed)) return;
      Get(i);
    }
    if (e_.release) e_.release();
  }
  // Whether records may still be undecoded, and how many are decoded (for tests).
  bool encoded() const { return !e_.bytes.empty(); }
  size_t decoded() const {
    size_t n = 0;
    for (size_t i = 0; i < ids_.size(); ++i)
      n += slots_[i].load(std::memory_order_relaxed) != nullptr;
    return n;
  }

 private:
  Encoded e_;  // its ids are moved to ids_; bytes empty: all decoded from the start
  std::vector<int64_t> ids_;
  std::unique_ptr<std::atomic<value_type*>[]> slots_;
};

template <typename T>
class RecordMap {
  using Overlay = std::map<int64_t, std::shared_ptr<const T>>;

 public:
  using value_type = typename RecordBase<T>::value_type;
  static_assert(std::is_same_v<value_type, typename Overlay::value_type>);

  // Iterates the base and the overlay together in id order; the overlay's entry wins,
  // and empty ones (deletions) are skipped.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = RecordMap::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;

    const_iterator() = default;
    reference operator*() const { return on_overlay_ ? *o_ : map_->base_->Get(b_); }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      Step();
      Settle();
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const const_iterator& o) const { return b_ == o.b_ && o_ == o.o_; }

   private:
    friend class RecordMap;
    const_iterator(const RecordMap* map, size_t b, typename Overlay::const_iterator o)
        : map_(map), b_(b), o_(o) {
      Settle();
    }
    size_t base_size() const { return map_->base_ ? map_->base_->size() : 0; }
    int64_t id() const { return on_overlay_ ? o_->first : map_->base_->id(b_); }
    // Points at the smaller of the two candidates, skipping deletions.
    void Settle() {
      for (;;) {
        bool base_left = b_ < base_size(), overlay_left = o_ != map_->overlay_.end();
        on_overlay_ = overlay_left && (!base_left || o_->first <= map_->base_->id(b_));
        if (!on_overlay_ || o_->second) return;
        Step();
      }
    }
    void Step() {
      if (!on_overlay_) {
        ++b_;
        return;
      }
      if (b_ < base_size() && map_->base_->id(b_) == o_->first) ++b_;  // shadowed
      ++o_;
    }

    const RecordMap* map_ = nullptr;
    size_t b_ = 0;
    typename Overlay::const_iterator o_{};
    bool on_overlay_ = false;
  };
  using iterator = const_iterator;

  RecordMap() = default;
  explicit RecordMap(std::shared_ptr<const RecordBase<T>> base)
      : base_(std::move(base)), size_(base_ ? base_->size() : 0) {}

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const_iterator begin() const { return const_iterator(this, 0, overlay_.begin()); }
  const_iterator end() const { return const_iterator(this, base_size(), overlay_.end()); }
  const_iterator find(int64_t id) const {
    auto o = overlay_.lower_bound(id);
    size_t b = base_ ? base_->LowerBound(id) : 0;
    const_iterator it(this, b, o);
    return it != end() && it.id() == id ? it : end();  // compared without decoding
  }
  size_t count(int64_t id) const { return find(id) != end() ? 1 : 0; }

  void insert_or_assign(int64_t id, std::shared_ptr<const T> record) {
    if (!count(id)) ++size_;
    overlay_.insert_or_assign(id, std::move(record));
  }
  size_t erase(int64_t id) {
    if (!count(id)) return 0;
    --size_;
    if (base_ && base_->Contains(id))
      overlay_.insert_or_assign(id, nullptr);
    else
      overlay_.erase(id);
    return 1;
  }

  // The shared bulk (null when there is none), and how many records were written since.
  const std::shared_ptr<const RecordBase<T>>& base() const { return base_; }
  size_t overlay_size() const { return overlay_.size(); }

 private:
  size_t base_size() const { return base_ ? base_->size() : 0; }

  std::shared_ptr<const RecordBase<T>> base_;
  Overlay overlay_;  // an empty pointer: deleted from the base
  size_t size_ = 0;
};

}  // namespace prosit
