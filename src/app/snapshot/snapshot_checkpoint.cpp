#include "app/snapshot/snapshot_checkpoint.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <thread>

#include "io/record_fields.h"

namespace prosit {

// The prepared entries are kept as they are: computing collation keys, folded words and
// list forms is most of what a start from the store costs.
template <>
struct BinaryFields<ActorEntry> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.actor, r.sort_key, r.folded_name);
  }
};

template <>
struct BinaryFields<SearchableCard> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.id, r.actor_id, r.sort_key, r.words, r.orps, r.municipalities_delivered, r.territory,
      r.sector, r.service_type, r.need_area_mask, r.form_mask, r.level, r.age_min, r.age_max,
      r.published);
  }
};

template <>
struct BinaryFields<CardEntry> {
  template <typename V, typename R>
  static void Visit(V&& v, R& r) {
    v(r.card, r.summary_json, r.hidden_summary_json, r.searchable);
  }
};

namespace {

// The file: the magic; chunks of records (each a run of up to kChunkRecords records of
// one section in id order, each record its id and its encoded bytes, length first); a
// table of contents (format version, layout fingerprint, database id, change-log row and
// its hash, then each chunk's section, record count, length and XXH3 hash); the table's
// length and XXH3 hash; the magic again. The table comes last so that chunks can be
// written as they are encoded; a record's length lets start-up leave it encoded.
constexpr char kMagic[8] = {'P', 'R', 'O', 'S', 'I', 'T', 'C', 'K'};
// Raised when the file layout (not a record's members, which the fingerprint covers)
// changes.
constexpr uint64_t kFormatVersion = 4;   // 4: the order section
constexpr size_t kChunkRecords = 16384;  // chunks are checked and decoded in parallel
constexpr size_t kTrailerSize = 8 + 8 + sizeof kMagic;  // table length, its hash, magic

// Runs fn(i) for every i < n on up to four threads.
template <typename F>
void ParallelFor(size_t n, F fn) {
  unsigned workers = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers && w < n; ++w) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
}

// A read-only mapping of a whole file.
class MappedFile {
 public:
  ~MappedFile() {
    if (data_) ::munmap(data_, size_);
  }
  Status Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      return errno == ENOENT ? Status::NotFound("no checkpoint at " + path)
                             : Status::IoError(path + ": " + std::strerror(errno));
    struct stat st;
    Status s;
    if (::fstat(fd, &st) != 0) {
      s = Status::IoError(path + ": " + std::strerror(errno));
    } else if (st.st_size > 0) {
      size_ = static_cast<size_t>(st.st_size);
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p == MAP_FAILED)
        s = Status::IoError(path + ": " + std::strerror(errno));
      else
        data_ = static_cast<char*>(p);
    }
    ::close(fd);
    return s;
  }
  std::string_view bytes() const { return {data_, data_ ? size_ : 0}; }
  // Lets the kernel drop the pages (they are read again from the page cache if needed).
  void Release() const {
    if (data_) ::madvise(data_, size_, MADV_DONTNEED);
  }

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
};

// Calls fn(id, bytes) for each of the `records` records of a chunk; false when the bytes
// do not hold exactly that many or their ids do not ascend.
template <typename F>
bool ForEachEncoded(std::string_view chunk, size_t records, F fn) {
  BinaryReader r(chunk);
  int64_t last = INT64_MIN;
  for (size_t i = 0; i < records && r.ok(); ++i) {
    int64_t id = r.Signed();
    std::string_view bytes = r.Bytes();
    if (!r.ok() || id <= last || !fn(id, bytes)) return false;
    last = id;
  }
  return r.ok() && r.at_end();
}

template <typename T>
bool DecodeRecord(std::string_view bytes, T& record) {
  BinaryReader r(bytes);
  prosit::Decode(r, record);
  return r.ok() && r.at_end();
}

// One chunk as read at start-up, waiting to be put into the snapshot.
class ReadChunk {
 public:
  virtual ~ReadChunk() = default;
};

// What the sections of one read share.
struct ReadContext {
  std::shared_ptr<const MappedFile> file;
  std::string path;
};

// One map of the snapshot: how its records are written and read. The only place that
// knows the map; a registry of record kinds can hold one per kind.
class Section {
 public:
  virtual ~Section() = default;
  virtual const char* name() const = 0;
  virtual std::string Layout() const = 0;
  // Calls emit(bytes, records) for each chunk of the map, in id order.
  virtual Status Encode(const NetworkSnapshot& snap,
                        const std::function<Status(const std::string&, size_t)>& emit) const = 0;
  // Null when the bytes do not hold `records` records.
  virtual std::unique_ptr<ReadChunk> Read(std::string_view bytes, size_t records) const = 0;
  // Puts the section's chunks, in file order, into the snapshot; false when they do not
  // fit together (ids out of order).
  virtual bool Assemble(std::vector<std::unique_ptr<ReadChunk>> chunks, NetworkSnapshot& snap,
                        const ReadContext& context) const = 0;
};

// The records of a map in chunks: its id and its encoded bytes each.
template <typename Map>
Status EncodeMap(const Map& map, const std::function<Status(const std::string&, size_t)>& emit) {
  BinaryWriter w, record;
  size_t n = 0;
  for (const auto& [id, r] : map) {
    record.out().clear();
    prosit::Encode(record, *r);
    w.Signed(id);
    w.Bytes(record.out());
    if (++n == kChunkRecords) {
      PROSIT_RETURN_IF_ERROR(emit(w.out(), n));
      w.out().clear();
      n = 0;
    }
  }
  return n ? emit(w.out(), n) : Status::Ok();
}

template <typename T>
std::string LayoutOf() {
  std::string out;
  DescribeLayout<T>(out);
  return out;
}

template <typename T>
using SnapshotMap = std::map<int64_t, std::shared_ptr<const T>>;

// What the sections of every record kind share: the name, the layout and the encoding.
template <typename T, typename Map, Map NetworkSnapshot::*Member>
class RecordSection : public Section {
 public:
  explicit RecordSection(const char* name) : name_(name) {}
  const char* name() const override { return name_; }
  std::string Layout() const override { return LayoutOf<T>(); }
  Status Encode(const NetworkSnapshot& snap,
                const std::function<Status(const std::string&, size_t)>& emit) const override {
    return EncodeMap(snap.*Member, emit);
  }

 private:
  const char* name_;
};

// A map decoded whole at start-up.
template <typename T, SnapshotMap<T> NetworkSnapshot::*Member>
class MapSection : public RecordSection<T, SnapshotMap<T>, Member> {
 public:
  using RecordSection<T, SnapshotMap<T>, Member>::RecordSection;

  struct Chunk : ReadChunk {
    std::vector<std::pair<int64_t, std::shared_ptr<const T>>> records;
  };

  std::unique_ptr<ReadChunk> Read(std::string_view bytes, size_t records) const override {
    auto chunk = std::make_unique<Chunk>();
    chunk->records.reserve(records);
    bool ok = ForEachEncoded(bytes, records, [&](int64_t id, std::string_view encoded) {
      auto record = std::make_shared<T>();
      if (!DecodeRecord(encoded, *record)) return false;
      chunk->records.emplace_back(id, std::move(record));
      return true;
    });
    return ok ? std::move(chunk) : nullptr;
  }

  bool Assemble(std::vector<std::unique_ptr<ReadChunk>> chunks, NetworkSnapshot& snap,
                const ReadContext&) const override {
    auto& into = snap.*Member;
    for (auto& c : chunks)
      for (auto& [id, record] : static_cast<Chunk&>(*c).records) {
        if (!into.empty() && into.rbegin()->first >= id) return false;
        into.emplace_hint(into.end(), id, std::move(record));
      }
    return true;
  }
};

// A map left encoded in the mapped file at start-up: each record is decoded when first
// read (record_map.h).
template <typename T, RecordMap<T> NetworkSnapshot::*Member>
class LazySection : public RecordSection<T, RecordMap<T>, Member> {
 public:
  using RecordSection<T, RecordMap<T>, Member>::RecordSection;

  struct Chunk : ReadChunk {
    std::vector<int64_t> ids;
    std::vector<std::string_view> bytes;
  };

  std::unique_ptr<ReadChunk> Read(std::string_view bytes, size_t records) const override {
    auto chunk = std::make_unique<Chunk>();
    chunk->ids.reserve(records);
    chunk->bytes.reserve(records);
    bool ok = ForEachEncoded(bytes, records, [&](int64_t id, std::string_view encoded) {
      chunk->ids.push_back(id);
      chunk->bytes.push_back(encoded);
      return true;
    });
    return ok ? std::move(chunk) : nullptr;
  }

  bool Assemble(std::vector<std::unique_ptr<ReadChunk>> chunks, NetworkSnapshot& snap,
                const ReadContext& context) const override {
    size_t total = 0;
    for (auto& c : chunks) total += static_cast<Chunk&>(*c).ids.size();
    std::vector<int64_t> ids;
    std::vector<std::string_view> bytes;
    ids.reserve(total);
    bytes.reserve(total);
    for (auto& c : chunks) {
      auto& chunk = static_cast<Chunk&>(*c);
      if (!ids.empty() && !chunk.ids.empty() && ids.back() >= chunk.ids.front()) return false;
      ids.insert(ids.end(), chunk.ids.begin(), chunk.ids.end());
      bytes.insert(bytes.end(), chunk.bytes.begin(), chunk.bytes.end());
      c.reset();
    }
    if (total == 0) return true;
    typename RecordBase<T>::Encoded encoded;
    encoded.keep = context.file;
    encoded.ids = std::move(ids);
    encoded.bytes = std::move(bytes);
    encoded.decode = DecodeRecord<T>;
    // The file's hashes checked out and its layout is this build's: a record that does
    // not decode is a fault of this program. Nothing more is served from the file.
    encoded.damaged = [path = context.path, name = this->name()](int64_t id) {
      std::fprintf(stderr, "prosit: %s %lld of checkpoint %s does not decode; removing it\n", name,
                   static_cast<long long>(id), path.c_str());
      ::unlink(path.c_str());
      std::abort();
    };
    encoded.release = [file = context.file] { file->Release(); };
    snap.*Member = RecordMap<T>(std::make_shared<const RecordBase<T>>(std::move(encoded)));
    return true;
  }
};

// The lists of an index's parts, in the order the file holds them.
template <typename P>
auto ListsOf(P& parts) {
  return std::array{&parts.words, &parts.by_orp, &parts.by_region, &parts.by_type,
                    &parts.by_sector};
}

// The actors' Czech order and the search index's parts, in one chunk: computing them is
// much of what a start would do after decoding (sorting by collation keys, splitting
// every card's words). Postings are written as differences, each at least one.
class OrderSection : public Section {
 public:
  const char* name() const override { return "order"; }
  std::string Layout() const override {
    return "actor ids;card ids;words,orps,regions,types,sectors:key,postings";
  }
  Status Encode(const NetworkSnapshot& snap,
                const std::function<Status(const std::string&, size_t)>& emit) const override {
    StoredOrders orders = snap.Orders();
    BinaryWriter w;
    WriteIds(w, orders.actors);
    WriteIds(w, orders.index.order);
    for (const auto* lists : ListsOf(orders.index)) {
      w.Varint(lists->size());
      for (const auto& [key, postings] : *lists) {
        w.Bytes(key);
        w.Varint(postings.size());
        uint32_t last = 0;
        for (size_t i = 0; i < postings.size(); ++i) {
          w.Varint(i == 0 ? postings[i] : postings[i] - last);
          last = postings[i];
        }
      }
    }
    return emit(w.out(), 1);
  }

  struct Chunk : ReadChunk {
    std::shared_ptr<StoredOrders> orders = std::make_shared<StoredOrders>();
  };

  std::unique_ptr<ReadChunk> Read(std::string_view bytes, size_t records) const override {
    auto chunk = std::make_unique<Chunk>();
    StoredOrders& o = *chunk->orders;
    BinaryReader r(bytes);
    ReadIds(r, o.actors);
    ReadIds(r, o.index.order);
    for (auto* lists : ListsOf(o.index)) {
      lists->resize(r.Count());
      for (auto& [key, postings] : *lists) {
        key = std::string(r.Bytes());
        postings.resize(r.Count());
        uint64_t at = 0;
        for (size_t i = 0; i < postings.size(); ++i) {
          uint64_t step = r.Varint();
          if (i > 0 && step == 0) return nullptr;
          at += step;
          if (at > UINT32_MAX) return nullptr;
          postings[i] = static_cast<uint32_t>(at);
        }
      }
    }
    return records == 1 && r.ok() && r.at_end() ? std::move(chunk) : nullptr;
  }

  bool Assemble(std::vector<std::unique_ptr<ReadChunk>> chunks, NetworkSnapshot& snap,
                const ReadContext&) const override {
    if (chunks.size() > 1) return false;
    if (chunks.size() == 1) snap.stored_orders = static_cast<Chunk&>(*chunks[0]).orders;
    return true;
  }

 private:
  static void WriteIds(BinaryWriter& w, const std::vector<int64_t>& ids) {
    w.Varint(ids.size());
    for (int64_t id : ids) w.Signed(id);
  }
  static void ReadIds(BinaryReader& r, std::vector<int64_t>& ids) {
    ids.resize(r.Count());
    for (auto& id : ids) id = r.Signed();
  }
};

const std::vector<std::unique_ptr<Section>>& Sections() {
  static const auto* sections = [] {
    auto* s = new std::vector<std::unique_ptr<Section>>();
    s->push_back(std::make_unique<MapSection<ActorEntry, &NetworkSnapshot::actors>>("actor"));
    s->push_back(std::make_unique<MapSection<CardEntry, &NetworkSnapshot::cards>>("card"));
    s->push_back(std::make_unique<LazySection<Meeting, &NetworkSnapshot::meetings>>("meeting"));
    s->push_back(std::make_unique<MapSection<Need, &NetworkSnapshot::needs>>("need"));
    s->push_back(std::make_unique<MapSection<Tie, &NetworkSnapshot::ties>>("tie"));
    s->push_back(std::make_unique<MapSection<Theme, &NetworkSnapshot::themes>>("theme"));
    s->push_back(std::make_unique<MapSection<Goal, &NetworkSnapshot::goals>>("goal"));
    s->push_back(std::make_unique<MapSection<Step, &NetworkSnapshot::steps>>("step"));
    s->push_back(std::make_unique<MapSection<GoodPractice, &NetworkSnapshot::good_practices>>(
        "good_practice"));
    s->push_back(std::make_unique<MapSection<Recommendation, &NetworkSnapshot::recommendations>>(
        "recommendation"));
    s->push_back(std::make_unique<MapSection<Participation, &NetworkSnapshot::participations>>(
        "participation"));
    s->push_back(std::make_unique<MapSection<OrpText, &NetworkSnapshot::orp_texts>>("orp_text"));
    s->push_back(std::make_unique<MapSection<AnalysisText, &NetworkSnapshot::analysis_texts>>(
        "analysis_text"));
    s->push_back(std::make_unique<OrderSection>());  // after the maps it orders
    return s;
  }();
  return *sections;
}

// What the records look like in this build: a checkpoint of another layout is not read.
uint64_t LayoutFingerprint() {
  static const uint64_t fingerprint = [] {
    std::string all = "prosit checkpoint " + std::to_string(kFormatVersion) + ";";
    all += std::endian::native == std::endian::little ? "le;" : "be;";
    for (const auto& s : Sections()) all += std::string(s->name()) + "=" + s->Layout() + ";";
    return XXH3_64bits(all.data(), all.size());
  }();
  return fingerprint;
}

// The change-log row a checkpoint reflects, as a hash: a database restored from a backup
// and written to since has other rows at the same numbers.
Result<uint64_t> ChangeFingerprint(Store& store, int64_t seq) {
  if (seq == 0) return uint64_t{0};
  auto rows = store.ChangesSince(seq - 1, 1);
  if (!rows.ok()) return rows.status();
  if (rows->empty() || rows->front().seq != seq)
    return Status::Corruption("the change log has no row " + std::to_string(seq));
  const ChangeEntry& c = rows->front();
  std::string text = c.at + '\0' + c.author + '\0' + EntityName(c.kind) + '\0' +
                     std::to_string(c.entity_id) + '\0' + c.op + '\0' + c.after.value_or("");
  return XXH3_64bits(text.data(), text.size());
}

struct ChunkInfo {
  uint64_t section = 0, records = 0, offset = 0, length = 0, hash = 0;
};

// What the table at the end of the file says.
struct Table {
  uint64_t version = 0, layout = 0;
  std::string database_id;
  int64_t seq = 0;
  uint64_t change = 0;
  std::vector<ChunkInfo> chunks;
};

std::string EncodeTable(const Table& t) {
  BinaryWriter w;
  w.Varint(t.version);
  w.Varint(t.layout);
  w.Bytes(t.database_id);
  w.Signed(t.seq);
  w.Varint(t.change);
  w.Varint(t.chunks.size());
  for (const auto& c : t.chunks) {
    w.Varint(c.section);
    w.Varint(c.records);
    w.Varint(c.length);
    w.Varint(c.hash);
  }
  return std::move(w.out());
}

Result<Table> DecodeTable(std::string_view bytes) {
  BinaryReader r(bytes);
  Table t;
  t.version = r.Varint();
  if (r.ok() && t.version != kFormatVersion)
    return Status::Corruption("format version " + std::to_string(t.version) + ", expected " +
                              std::to_string(kFormatVersion));
  t.layout = r.Varint();
  t.database_id = std::string(r.Bytes());
  t.seq = r.Signed();
  t.change = r.Varint();
  t.chunks.resize(r.Count());
  uint64_t offset = sizeof kMagic;
  for (auto& c : t.chunks) {
    c.section = r.Varint();
    c.records = r.Varint();
    c.length = r.Varint();
    c.hash = r.Varint();
    c.offset = offset;
    offset += c.length;
  }
  if (!r.ok() || !r.at_end()) return Status::Corruption("damaged table of contents");
  return t;
}

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::IoError(std::string("write: ") + std::strerror(errno));
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

void PutFixed(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

uint64_t GetFixed(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
  return v;
}

Status WriteFile(const NetworkSnapshot& snap, Table table, int fd,
                 const std::atomic<bool>* cancel) {
  PROSIT_RETURN_IF_ERROR(WriteAll(fd, std::string_view(kMagic, sizeof kMagic)));
  const auto& sections = Sections();
  for (size_t i = 0; i < sections.size(); ++i) {
    PROSIT_RETURN_IF_ERROR(
        sections[i]->Encode(snap, [&](const std::string& bytes, size_t records) -> Status {
          if (cancel && cancel->load()) return Status::IoError("cancelled");
          table.chunks.push_back(
              {i, records, 0, bytes.size(), XXH3_64bits(bytes.data(), bytes.size())});
          return WriteAll(fd, bytes);
        }));
  }
  std::string tail = EncodeTable(table);
  uint64_t table_hash = XXH3_64bits(tail.data(), tail.size());
  uint64_t table_length = tail.size();
  PutFixed(tail, table_length);
  PutFixed(tail, table_hash);
  tail.append(kMagic, sizeof kMagic);
  PROSIT_RETURN_IF_ERROR(WriteAll(fd, tail));
  if (::fsync(fd) != 0) return Status::IoError(std::string("fsync: ") + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

std::string DefaultCheckpointPath(const std::string& database) { return database + ".checkpoint"; }

Status WriteCheckpoint(const NetworkSnapshot& snap, Store& store, const std::string& path,
                       const std::atomic<bool>* cancel) {
  Table table;
  table.version = kFormatVersion;
  table.layout = LayoutFingerprint();
  auto id = store.DatabaseId();
  if (!id.ok()) return id.status();
  table.database_id = *id;
  table.seq = snap.seq;
  auto change = ChangeFingerprint(store, snap.seq);
  if (!change.ok()) return change.status();
  table.change = *change;
  // A file of its own per process, so a `prosit checkpoint` beside a server cannot mix.
  std::string temp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError(temp + ": " + std::strerror(errno));
  Status s = WriteFile(snap, std::move(table), fd, cancel);
  if (::close(fd) != 0 && s.ok()) s = Status::IoError(temp + ": " + std::strerror(errno));
  if (s.ok() && ::rename(temp.c_str(), path.c_str()) != 0)
    s = Status::IoError("rename to " + path + ": " + std::strerror(errno));
  if (!s.ok()) {
    ::unlink(temp.c_str());
    return s;
  }
  // The rename itself is durable once the folder is synced.
  std::string dir = std::filesystem::path(path).parent_path().string();
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

Result<std::shared_ptr<NetworkSnapshot>> ReadCheckpoint(Store& store, const std::string& path) {
  auto file = std::make_shared<MappedFile>();
  PROSIT_RETURN_IF_ERROR(file->Open(path));
  std::string_view data = file->bytes();
  if (data.size() < sizeof kMagic + kTrailerSize ||
      data.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic) ||
      data.substr(data.size() - sizeof kMagic) != std::string_view(kMagic, sizeof kMagic))
    return Status::Corruption("not a complete checkpoint (truncated or another file)");
  const char* trailer = data.data() + data.size() - kTrailerSize;
  uint64_t table_length = GetFixed(trailer), table_hash = GetFixed(trailer + 8);
  if (table_length > data.size() - sizeof kMagic - kTrailerSize)
    return Status::Corruption("damaged table of contents");
  std::string_view table_bytes =
      data.substr(data.size() - kTrailerSize - table_length, table_length);
  if (XXH3_64bits(table_bytes.data(), table_bytes.size()) != table_hash)
    return Status::Corruption("damaged table of contents");
  auto table = DecodeTable(table_bytes);
  if (!table.ok()) return table.status();
  if (table->layout != LayoutFingerprint())
    return Status::Corruption("written by a build with other record members");
  uint64_t payload = data.size() - sizeof kMagic - kTrailerSize - table_length;
  uint64_t listed = 0;
  for (const auto& c : table->chunks) {
    if (c.section >= Sections().size()) return Status::Corruption("unknown section");
    listed += c.length;
  }
  if (listed != payload) return Status::Corruption("its size does not match its contents");

  auto id = store.DatabaseId();
  if (!id.ok()) return id.status();
  if (table->database_id != *id)
    return Status::Corruption("taken of another database (" + table->database_id + ")");
  auto last = store.LastChangeSeq();
  if (!last.ok()) return last.status();
  if (table->seq > *last)
    return Status::Corruption("reflects change " + std::to_string(table->seq) +
                              " but the change log ends at " + std::to_string(*last));
  auto change = ChangeFingerprint(store, table->seq);
  if (!change.ok()) return change.status();
  if (*change != table->change)
    return Status::Corruption("change " + std::to_string(table->seq) +
                              " of the change log is not the one it reflects");

  // Each chunk is checked and read on its own; any failure rejects the whole file.
  std::vector<std::unique_ptr<ReadChunk>> read(table->chunks.size());
  std::atomic<bool> bad{false};
  ParallelFor(table->chunks.size(), [&](size_t i) {
    const ChunkInfo& c = table->chunks[i];
    std::string_view bytes = data.substr(c.offset, c.length);
    if (bad.load() || XXH3_64bits(bytes.data(), bytes.size()) != c.hash) {
      bad = true;
      return;
    }
    read[i] = Sections()[c.section]->Read(bytes, c.records);
    if (!read[i]) bad = true;
  });
  if (bad) return Status::Corruption("damaged records");

  // Chunks of one map go in in order; the maps fill side by side.
  auto snap = std::make_shared<NetworkSnapshot>();
  snap->seq = table->seq;
  ReadContext context{file, path};
  ParallelFor(Sections().size(), [&](size_t section) {
    std::vector<std::unique_ptr<ReadChunk>> chunks;
    for (size_t i = 0; i < read.size(); ++i)
      if (table->chunks[i].section == section) chunks.push_back(std::move(read[i]));
    if (!Sections()[section]->Assemble(std::move(chunks), *snap, context)) bad = true;
  });
  if (bad) return Status::Corruption("records out of order");
  return snap;
}

Result<SnapshotStart> StartSnapshot(SnapshotKeeper& keeper, Store& store, const std::string& path) {
  SnapshotStart start;
  auto t0 = std::chrono::steady_clock::now();
  auto took = [&] {
    return " in " +
           std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - t0)
                              .count()) +
           " ms";
  };
  if (!path.empty()) {
    auto snap = ReadCheckpoint(store, path);
    if (snap.ok()) {
      start.checkpoint_seq = (*snap)->seq;
      Status s = keeper.Resume(std::move(*snap));
      if (s.ok()) {
        start.from_checkpoint = true;
        start.seq = keeper.Current()->seq;
        start.note = "snapshot from checkpoint " + path + " at change " +
                     std::to_string(start.checkpoint_seq) + ", caught up to change " +
                     std::to_string(start.seq) + took();
        return start;
      }
      start.note = "checkpoint " + path + " not used: " + s.ToString();
    } else if (snap.status().code() == StatusCode::kNotFound) {
      start.note = "no checkpoint at " + path;
    } else {
      start.note = "checkpoint " + path + " not used: " + snap.status().ToString();
    }
    start.note += "; building the snapshot from the database";
  }
  PROSIT_RETURN_IF_ERROR(keeper.Load());
  start.seq = keeper.Current()->seq;
  if (path.empty()) start.note = "snapshot built from the database (no checkpoint)";
  start.note += took();
  return start;
}

CheckpointWriter::CheckpointWriter(SnapshotKeeper& keeper, Store& store, std::string path,
                                   const SnapshotStart& start, int64_t every,
                                   std::chrono::milliseconds period,
                                   std::function<void(const std::string&)> log)
    : keeper_(keeper),
      store_(store),
      path_(std::move(path)),
      written_seq_(start.from_checkpoint && start.seq == start.checkpoint_seq ? start.seq : -1),
      every_(every),
      period_(period),
      log_(std::move(log)),
      thread_([this] { Run(); }) {}

CheckpointWriter::~CheckpointWriter() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void CheckpointWriter::Run() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    auto snap = keeper_.Current();
    if (written_seq_ < 0 || snap->seq - written_seq_ >= every_) {
      lock.unlock();
      auto t0 = std::chrono::steady_clock::now();
      Status s = WriteCheckpoint(*snap, store_, path_, &stop_);
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - t0)
                    .count();
      if (s.ok()) {
        written_seq_ = snap->seq;
        log_("wrote checkpoint " + path_ + " at change " + std::to_string(snap->seq) + " in " +
             std::to_string(ms) + " ms");
      } else if (!stop_) {
        written_seq_ = snap->seq;  // tried: the next attempt waits for more changes
        log_("writing checkpoint " + path_ + " failed: " + s.ToString());
      }
      lock.lock();
    }
    wake_.wait_for(lock, period_, [this] { return stop_.load(); });
  }
}

}  // namespace prosit
