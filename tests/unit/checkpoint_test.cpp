#include <gtest/gtest.h>
#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/clock.h"
#include "app/database_setup.h"
#include "app/records/record_batch.h"
#include "app/records/record_kinds.h"
#include "app/snapshot/snapshot_checkpoint.h"
#include "datasets/generator.h"
#include "io/meeting_json.h"
#include "io/need_json.h"
#include "io/network_json.h"
#include "io/participation_json.h"
#include "io/practice_json.h"
#include "io/strategy_json.h"
#include "io/tie_json.h"
#include "test_data.h"

namespace prosit {
namespace {

using testing::RealReference;
using testing::RealTerritory;

std::string DemoFile(const char* name) {
  std::ifstream in(std::string(PROSIT_SOURCE_DIR "/data/demo/") + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const Author kAuthor{"test", SystemClock().now()};

// A database holding the demo network: every record kind the snapshot keeps.
std::unique_ptr<Store> DemoStore(const std::string& path) {
  auto store = OpenStore(path);
  EXPECT_TRUE(store.ok());
  EXPECT_TRUE(InitDatabase(**store, PROSIT_SOURCE_DIR "/data", kAuthor).ok());
  auto batch = BuildDemoNetwork(RealTerritory(), RealReference(), DemoFile("seed-facts.json"),
                                DemoFile("seed-networking.json"), 1);
  EXPECT_TRUE(batch.ok());
  auto written =
      ImportNetworkBatch(**store, std::move(*batch), RealTerritory(), RealReference(), kAuthor);
  EXPECT_TRUE(written.ok()) << written.status().ToString();
  return std::move(*store);
}

std::string JsonOf(const ActorEntry& e) {
  return ActorToJson(e.actor).dump() + e.sort_key + "|" + e.folded_name;
}
std::string JsonOf(const SearchableCard& s) {
  std::string out = std::to_string(s.id) + "|" + std::to_string(s.actor_id) + "|" + s.sort_key +
                    "|" + s.words + "|" + s.sector + "|" + s.service_type + "|" +
                    std::to_string(s.need_area_mask) + "|" + std::to_string(s.form_mask) + "|" +
                    std::to_string(s.level) + "|" + std::to_string(s.age_min) + "|" +
                    std::to_string(s.age_max) + "|" + std::to_string(s.published) + "|" +
                    ToString(s.territory.kind);
  for (const auto& v : {s.orps, s.municipalities_delivered, s.territory.codes})
    for (const auto& x : v) out += "," + x;
  return out;
}
std::string JsonOf(const CardEntry& e) {
  return ServiceCardToJson(e.card).dump() + e.summary_json + e.hidden_summary_json +
         JsonOf(e.searchable);
}
std::string JsonOf(const Meeting& m) { return MeetingToJson(m).dump(); }
std::string JsonOf(const Need& n) { return NeedToJson(n).dump(); }
std::string JsonOf(const Tie& t) { return TieToJson(t).dump(); }
std::string JsonOf(const Theme& t) { return ThemeToJson(t).dump(); }
std::string JsonOf(const Goal& g) { return GoalToJson(g).dump(); }
std::string JsonOf(const Step& s) { return StepToJson(s).dump(); }
std::string JsonOf(const GoodPractice& p) { return GoodPracticeToJson(p).dump(); }
std::string JsonOf(const Recommendation& r) { return RecommendationToJson(r).dump(); }
std::string JsonOf(const Participation& p) { return ParticipationToJson(p).dump(); }
std::string JsonOf(const OrpText& t) { return OrpTextToJson(t).dump(); }

// Every record of one map, with all it holds, equals its counterpart.
template <typename Map>
void ExpectSameRecords(const Map& got, const Map& want, const char* what) {
  EXPECT_FALSE(want.empty()) << what << ": the test data should hold some";
  ASSERT_EQ(got.size(), want.size()) << what;
  for (auto g = got.begin(), w = want.begin(); w != want.end(); ++g, ++w) {
    ASSERT_EQ(g->first, w->first) << what;
    EXPECT_EQ(JsonOf(*g->second), JsonOf(*w->second)) << what << " " << w->first;
  }
}

void ExpectSameSnapshot(const NetworkSnapshot& got, const NetworkSnapshot& want) {
  EXPECT_EQ(got.seq, want.seq);
  ExpectSameRecords(got.actors, want.actors, "actors");
  ExpectSameRecords(got.cards, want.cards, "cards");
  ExpectSameRecords(got.meetings, want.meetings, "meetings");
  ExpectSameRecords(got.needs, want.needs, "needs");
  ExpectSameRecords(got.ties, want.ties, "ties");
  ExpectSameRecords(got.themes, want.themes, "themes");
  ExpectSameRecords(got.goals, want.goals, "goals");
  ExpectSameRecords(got.steps, want.steps, "steps");
  ExpectSameRecords(got.good_practices, want.good_practices, "good practices");
  ExpectSameRecords(got.recommendations, want.recommendations, "recommendations");
  ExpectSameRecords(got.participations, want.participations, "participations");
  ExpectSameRecords(got.orp_texts, want.orp_texts, "ORP texts");
}

class CheckpointTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TempDatabase();
    store_ = DemoStore(db_->path()).release();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete db_;
  }
  void SetUp() override { path_ = db_->path() + ".checkpoint-" + std::to_string(++counter_); }
  void TearDown() override { std::filesystem::remove(path_); }

  // The snapshot built from the whole store, as without a checkpoint.
  std::shared_ptr<const NetworkSnapshot> FromStore(Store& store) {
    keepers_.push_back(std::make_unique<SnapshotKeeper>(store));
    EXPECT_TRUE(keepers_.back()->Load().ok());
    return keepers_.back()->Current();
  }
  void WriteFromStore() { ASSERT_TRUE(WriteCheckpoint(*FromStore(*store_), *store_, path_).ok()); }
  std::string ReadBytes() {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void WriteBytes(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  }
  // A start with the checkpoint must not use it, and ends where a start from the store does.
  void ExpectRejectedAndRebuilt(Store& store, const std::string& why) {
    auto read = ReadCheckpoint(store, path_);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.status().code(), StatusCode::kCorruption) << read.status().ToString();
    EXPECT_NE(read.status().ToString().find(why), std::string::npos) << read.status().ToString();
    SnapshotKeeper keeper(store);
    auto start = StartSnapshot(keeper, store, path_);
    ASSERT_TRUE(start.ok());
    EXPECT_FALSE(start->from_checkpoint);
    EXPECT_NE(start->note.find("not used"), std::string::npos) << start->note;
    ExpectSameSnapshot(*keeper.Current(), *FromStore(store));
  }

  static testing::TempDatabase* db_;
  static Store* store_;
  static int counter_;
  std::string path_;
  std::vector<std::unique_ptr<SnapshotKeeper>> keepers_;
};

testing::TempDatabase* CheckpointTest::db_ = nullptr;
Store* CheckpointTest::store_ = nullptr;
int CheckpointTest::counter_ = 0;

// Every record kind, and the entries prepared from it, come back as the store builds them.
TEST_F(CheckpointTest, RoundTripOfEveryKindEqualsTheStoreBuiltSnapshot) {
  auto built = FromStore(*store_);
  ASSERT_TRUE(WriteCheckpoint(*built, *store_, path_).ok());
  auto read = ReadCheckpoint(*store_, path_);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ExpectSameSnapshot(**read, *built);

  SnapshotKeeper keeper(*store_);
  auto start = StartSnapshot(keeper, *store_, path_);
  ASSERT_TRUE(start.ok());
  EXPECT_TRUE(start->from_checkpoint) << start->note;
  ExpectSameSnapshot(*keeper.Current(), *built);
  ASSERT_TRUE(keeper.Current()->index);
  EXPECT_EQ(keeper.Current()->index->size(), built->index->size());
  EXPECT_EQ(keeper.Current()->actors_sorted.size(), built->actors_sorted.size());
}

TEST_F(CheckpointTest, MissingFileIsNotFound) {
  auto read = ReadCheckpoint(*store_, path_);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kNotFound);
}

TEST_F(CheckpointTest, TruncatedFileIsRejected) {
  WriteFromStore();
  std::string bytes = ReadBytes();
  for (size_t keep : {bytes.size() - 1, bytes.size() / 2, size_t{10}, size_t{0}}) {
    WriteBytes(bytes.substr(0, keep));
    ExpectRejectedAndRebuilt(*store_, "");
  }
}

TEST_F(CheckpointTest, FlippedByteIsRejected) {
  WriteFromStore();
  std::string bytes = ReadBytes();
  // In the records, in the table of contents, in the trailer.
  for (size_t at : {size_t{8}, bytes.size() / 3, bytes.size() - 40, bytes.size() - 20}) {
    std::string damaged = bytes;
    damaged[at] ^= 0x10;
    WriteBytes(damaged);
    ExpectRejectedAndRebuilt(*store_, "");
  }
}

TEST_F(CheckpointTest, CheckpointOfAnotherDatabaseIsRejected) {
  WriteFromStore();
  testing::TempDatabase other_db;
  auto other = DemoStore(other_db.path());  // the same records, another database
  ExpectRejectedAndRebuilt(*other, "another database");
}

// A database restored from an older backup: the checkpoint is ahead of its change log,
// and once the restored database is written to, its rows differ from those it reflects.
TEST_F(CheckpointTest, CheckpointAheadOfTheChangeLogIsRejected) {
  testing::TempDatabase backup;
  ASSERT_TRUE(store_->Backup(backup.path()).ok());
  auto restored = OpenStore(backup.path());
  ASSERT_TRUE(restored.ok());
  auto actor = *store_->LoadAll(EntityKind::kActor);
  auto write_actor = [&](Store& store, const std::string& name) {
    auto json = nlohmann::json::parse(actor.front().json);
    return store.Transact(kAuthor, [&](StoreTransaction& tx) -> Status {
      auto current = tx.Get(EntityKind::kActor, actor.front().id);
      if (!current.ok()) return current.status();
      DocumentPut put;
      put.kind = EntityKind::kActor;
      put.id = actor.front().id;
      put.expected_version = (*current)->version;
      put.render = [&](int64_t id, int64_t version) {
        json["id"] = id;
        json["version"] = version;
        json["name"] = name;
        return json.dump();
      };
      return tx.Put(put).status();
    });
  };
  ASSERT_TRUE(write_actor(*store_, "Po zálohování").ok());
  WriteFromStore();
  ExpectRejectedAndRebuilt(**restored, "but the change log ends at");
  ASSERT_TRUE(write_actor(**restored, "Jiný zápis").ok());
  ExpectRejectedAndRebuilt(**restored, "is not the one it reflects");
}

// Writes made after the checkpoint are applied on top of it: the start equals one from
// the store, and the actor's new name reaches its cards' summaries.
TEST_F(CheckpointTest, StaleCheckpointIsCaughtUp) {
  WriteFromStore();
  auto cards = *store_->LoadAll(EntityKind::kServiceCard);
  int64_t actor_id = cards.front().parent_id;
  ASSERT_TRUE(store_
                  ->Transact(kAuthor,
                             [&](StoreTransaction& tx) -> Status {
                               auto current = tx.Get(EntityKind::kActor, actor_id);
                               if (!current.ok()) return current.status();
                               auto json = nlohmann::json::parse((*current)->json);
                               DocumentPut put;
                               put.kind = EntityKind::kActor;
                               put.id = actor_id;
                               put.expected_version = (*current)->version;
                               put.render = [&](int64_t id, int64_t version) {
                                 json["id"] = id;
                                 json["version"] = version;
                                 json["name"] = "Přejmenovaný aktér";
                                 return json.dump();
                               };
                               return tx.Put(put).status();
                             })
                  .ok());
  SnapshotKeeper keeper(*store_);
  auto start = StartSnapshot(keeper, *store_, path_);
  ASSERT_TRUE(start.ok());
  EXPECT_TRUE(start->from_checkpoint) << start->note;
  EXPECT_LT(start->checkpoint_seq, start->seq);
  ExpectSameSnapshot(*keeper.Current(), *FromStore(*store_));
  EXPECT_NE(keeper.Current()->FindCard(cards.front().id)->summary_json.find("Přejmenovaný aktér"),
            std::string::npos);
}

// A start from the checkpoint leaves the meetings encoded in the mapped file: none is
// decoded until read; read (on demand, or all at once in the background) every one
// equals what a start from the store holds, and the same record is handed out each time.
TEST_F(CheckpointTest, MeetingsStayEncodedUntilReadAndReadAsTheStoreHasThem) {
  auto built = FromStore(*store_);
  ASSERT_TRUE(WriteCheckpoint(*built, *store_, path_).ok());
  SnapshotKeeper keeper(*store_);
  auto start = StartSnapshot(keeper, *store_, path_);
  ASSERT_TRUE(start.ok());
  ASSERT_TRUE(start->from_checkpoint) << start->note;
  auto snap = keeper.Current();
  const auto& base = snap->meetings.base();
  ASSERT_TRUE(base);
  EXPECT_TRUE(base->encoded());
  EXPECT_EQ(base->decoded(), 0u);
  ASSERT_EQ(snap->meetings.size(), built->meetings.size());

  int64_t some = std::next(built->meetings.begin(), built->meetings.size() / 2)->first;
  const Meeting* one = RecordKind<Meeting>::Find(*snap, some);
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(JsonOf(*one), JsonOf(*RecordKind<Meeting>::Find(*built, some)));
  EXPECT_EQ(base->decoded(), 1u);
  EXPECT_EQ(RecordKind<Meeting>::Find(*snap, some), one);

  keeper.DecodeInBackground();
  for (int i = 0; i < 2000 && base->decoded() < base->size(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(base->decoded(), base->size());
  EXPECT_EQ(RecordKind<Meeting>::Find(*snap, some), one);
  ExpectSameRecords(snap->meetings, built->meetings, "meetings");
}

// Meetings written, changed and deleted after the checkpoint: the start from it shows
// the store's records, not the mapped ones.
TEST_F(CheckpointTest, MeetingChangesAfterTheCheckpointOverrideTheMappedOnes) {
  testing::TempDatabase copy;
  ASSERT_TRUE(store_->Backup(copy.path()).ok());
  auto opened = OpenStore(copy.path());
  ASSERT_TRUE(opened.ok());
  Store& store = **opened;
  auto built = FromStore(store);
  ASSERT_TRUE(WriteCheckpoint(*built, store, path_).ok());

  auto meetings = *store.LoadAll(EntityKind::kMeeting);
  ASSERT_GE(meetings.size(), 3u);
  const StoredDocument &changed = meetings[1], &deleted = meetings[2];
  int64_t added = 0;
  ASSERT_TRUE(store
                  .Transact(kAuthor,
                            [&](StoreTransaction& tx) -> Status {
                              auto json = nlohmann::json::parse(changed.json);
                              DocumentPut put;
                              put.kind = EntityKind::kMeeting;
                              put.id = changed.id;
                              put.expected_version = changed.version;
                              put.render = [&](int64_t id, int64_t version) {
                                json["id"] = id;
                                json["version"] = version;
                                json["topic"] = "Změněno po kontrolním bodu";
                                return json.dump();
                              };
                              PROSIT_RETURN_IF_ERROR(tx.Put(put).status());
                              put.id = 0;
                              put.expected_version = 0;
                              auto made = tx.Put(put);
                              if (!made.ok()) return made.status();
                              added = made->id;
                              return tx.Delete(EntityKind::kMeeting, deleted.id, deleted.version);
                            })
                  .ok());

  SnapshotKeeper keeper(store);
  auto start = StartSnapshot(keeper, store, path_);
  ASSERT_TRUE(start.ok());
  ASSERT_TRUE(start->from_checkpoint) << start->note;
  EXPECT_LT(start->checkpoint_seq, start->seq);
  auto snap = keeper.Current();
  ASSERT_NE(RecordKind<Meeting>::Find(*snap, changed.id), nullptr);
  EXPECT_EQ(RecordKind<Meeting>::Find(*snap, changed.id)->topic, "Změněno po kontrolním bodu");
  ASSERT_NE(RecordKind<Meeting>::Find(*snap, added), nullptr);
  EXPECT_EQ(RecordKind<Meeting>::Find(*snap, deleted.id), nullptr);
  EXPECT_EQ(snap->meetings.count(deleted.id), 0u);
  EXPECT_EQ(snap->meetings.size(), meetings.size());  // one added, one deleted
  ExpectSameSnapshot(*snap, *FromStore(store));
}

// A damaged byte among the meetings, which start-up does not decode, is found by the
// chunk's hash: the file is not used and the snapshot is built from the store.
TEST_F(CheckpointTest, DamagedMeetingBytesAreRejected) {
  WriteFromStore();
  std::string bytes = ReadBytes();
  auto meetings = *store_->LoadAll(EntityKind::kMeeting);
  ASSERT_FALSE(meetings.empty());
  std::string topic = nlohmann::json::parse(meetings.back().json)["topic"];
  ASSERT_GE(topic.size(), 4u);
  size_t at = bytes.find(topic);
  ASSERT_NE(at, std::string::npos);
  bytes[at + topic.size() / 2] ^= 0x01;
  WriteBytes(bytes);
  ExpectRejectedAndRebuilt(*store_, "damaged records");
}

std::vector<int64_t> ActorOrder(const NetworkSnapshot& snap) {
  std::vector<int64_t> ids;
  for (const ActorEntry* e : snap.actors_sorted) ids.push_back(e->actor.id);
  return ids;
}

void ExpectSameParts(const ServiceIndex::Parts& got, const ServiceIndex::Parts& want) {
  EXPECT_FALSE(want.order.empty());
  EXPECT_EQ(got.order, want.order);
  EXPECT_FALSE(want.words.empty());
  EXPECT_EQ(got.words, want.words);
  EXPECT_EQ(got.by_orp, want.by_orp);
  EXPECT_EQ(got.by_region, want.by_region);
  EXPECT_EQ(got.by_type, want.by_type);
  EXPECT_EQ(got.by_sector, want.by_sector);
}

// The actors' order and the search index are kept in the checkpoint, and a start takes
// them from it: they equal what the store-built snapshot computes, and searches agree.
TEST_F(CheckpointTest, OrdersAndSearchIndexComeFromTheCheckpoint) {
  auto built = FromStore(*store_);
  ASSERT_TRUE(WriteCheckpoint(*built, *store_, path_).ok());
  auto read = ReadCheckpoint(*store_, path_);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_TRUE((*read)->stored_orders);
  EXPECT_EQ((*read)->stored_orders->actors, ActorOrder(*built));
  ExpectSameParts((*read)->stored_orders->index, built->index->Export());

  SnapshotKeeper keeper(*store_);
  auto start = StartSnapshot(keeper, *store_, path_);
  ASSERT_TRUE(start.ok());
  ASSERT_TRUE(start->from_checkpoint) << start->note;
  auto snap = keeper.Current();
  EXPECT_FALSE(snap->stored_orders);  // taken
  EXPECT_EQ(ActorOrder(*snap), ActorOrder(*built));
  ExpectSameParts(snap->index->Export(), built->index->Export());
  for (const char* text : {"", "poradna", "rodin", "terapie dět"}) {
    ServiceQuery q;
    q.text = text;
    q.limit = 1000;
    auto got = snap->index->Search(q, snap->overlay),
         want = built->index->Search(q, built->overlay);
    EXPECT_EQ(got.total, want.total) << text;
    ASSERT_EQ(got.page.size(), want.page.size()) << text;
    for (size_t i = 0; i < got.page.size(); ++i) EXPECT_EQ(got.page[i]->id, want.page[i]->id);
  }
}

// Orders that do not fit the maps (a program fault; the file's hashes checked out) are
// not used: the start computes them, as without them.
TEST_F(CheckpointTest, StoredOrdersThatDoNotFitAreComputedAgain) {
  auto built = FromStore(*store_);
  ASSERT_TRUE(WriteCheckpoint(*built, *store_, path_).ok());
  auto spoil = [&](auto change) {
    auto read = ReadCheckpoint(*store_, path_);
    EXPECT_TRUE(read.ok());
    change(*(*read)->stored_orders);
    SnapshotKeeper keeper(*store_);
    EXPECT_TRUE(keeper.Resume(std::move(*read)).ok());
    auto snap = keeper.Current();
    EXPECT_EQ(ActorOrder(*snap), ActorOrder(*built));
    ExpectSameParts(snap->index->Export(), built->index->Export());
  };
  spoil([](StoredOrders& o) { o.actors.front() = -7; });
  spoil([](StoredOrders& o) { o.actors.pop_back(); });
  spoil([](StoredOrders& o) { o.index.order.back() = -7; });
  spoil([](StoredOrders& o) { o.index.words.front().second.push_back(1u << 30); });
  spoil([](StoredOrders& o) { std::swap(o.index.words[0], o.index.words[1]); });
  spoil([](StoredOrders& o) {
    auto& p = o.index.by_orp.front().second;
    p.push_back(p.back());
  });
}

// A checkpoint of the format before the order section (version 3) is not read.
TEST_F(CheckpointTest, CheckpointOfAnEarlierFormatIsRejected) {
  WriteFromStore();
  std::string bytes = ReadBytes();
  const size_t trailer = 8 + 8 + 8;  // table length, its hash, magic
  auto fixed = [&](size_t at) {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t{static_cast<uint8_t>(bytes[at + i])} << (8 * i);
    return v;
  };
  uint64_t table_length = fixed(bytes.size() - trailer);
  size_t table = bytes.size() - trailer - table_length;
  ASSERT_EQ(bytes[table], 4) << "the version this build writes";
  bytes[table] = 3;
  uint64_t hash = XXH3_64bits(bytes.data() + table, table_length);
  for (int i = 0; i < 8; ++i)
    bytes[bytes.size() - trailer + 8 + i] = static_cast<char>(hash >> (8 * i));
  WriteBytes(bytes);
  ExpectRejectedAndRebuilt(*store_, "format version 3, expected 4");
}

}  // namespace
}  // namespace prosit
