#include "app/snapshot/record_map.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace prosit {
namespace {

struct Item {
  std::string text;
};

// Bytes of records "encoded" as their text; "!" does not decode.
struct EncodedItems {
  std::vector<std::string> texts;
  int decodes = 0;
};

std::shared_ptr<const RecordBase<Item>> EncodedBase(std::shared_ptr<EncodedItems> items,
                                                    std::vector<int64_t> ids) {
  RecordBase<Item>::Encoded e;
  e.keep = items;
  e.ids = std::move(ids);
  for (const auto& t : items->texts) e.bytes.push_back(t);
  e.decode = [items](std::string_view bytes, Item& item) {
    ++items->decodes;
    item.text = std::string(bytes);
    return bytes != "!";
  };
  e.damaged = [](int64_t id) { throw std::runtime_error("damaged " + std::to_string(id)); };
  return std::make_shared<const RecordBase<Item>>(std::move(e));
}

std::string Listed(const RecordMap<Item>& map) {
  std::string out;
  for (const auto& [id, item] : map) out += std::to_string(id) + "=" + item->text + " ";
  return out;
}

TEST(RecordMapTest, ReadsLikeAMapAndDecodesEachRecordOnceWhenFirstRead) {
  auto items = std::make_shared<EncodedItems>(EncodedItems{{"a", "b", "c"}});
  RecordMap<Item> map(EncodedBase(items, {2, 5, 9}));
  EXPECT_EQ(map.size(), 3u);
  EXPECT_EQ(items->decodes, 0);
  EXPECT_EQ(map.base()->decoded(), 0u);

  auto it = map.find(5);
  ASSERT_NE(it, map.end());
  EXPECT_EQ(it->second->text, "b");
  EXPECT_EQ(items->decodes, 1);
  EXPECT_EQ(map.find(5)->second.get(), it->second.get());  // kept, not decoded again
  EXPECT_EQ(items->decodes, 1);
  EXPECT_EQ(map.find(4), map.end());
  EXPECT_EQ(map.count(9), 1u);
  EXPECT_EQ(map.count(10), 0u);

  EXPECT_EQ(Listed(map), "2=a 5=b 9=c ");
  EXPECT_EQ(items->decodes, 3);
  EXPECT_EQ(map.base()->decoded(), 3u);
}

TEST(RecordMapTest, WritesSinceTheBaseOverrideItAndDeletionsHideIt) {
  auto items = std::make_shared<EncodedItems>(EncodedItems{{"a", "b", "c"}});
  RecordMap<Item> map(EncodedBase(items, {2, 5, 9}));
  RecordMap<Item> before = map;  // a snapshot shares the base and keeps its own overlay

  map.insert_or_assign(5, std::make_shared<const Item>(Item{"B"}));
  map.insert_or_assign(1, std::make_shared<const Item>(Item{"new"}));
  map.insert_or_assign(12, std::make_shared<const Item>(Item{"last"}));
  EXPECT_EQ(map.erase(9), 1u);
  EXPECT_EQ(map.erase(9), 0u);
  EXPECT_EQ(map.erase(3), 0u);
  EXPECT_EQ(map.size(), 4u);
  EXPECT_EQ(Listed(map), "1=new 2=a 5=B 12=last ");
  EXPECT_EQ(map.find(9), map.end());
  EXPECT_EQ(map.find(5)->second->text, "B");
  EXPECT_EQ(items->decodes, 1);  // only "a": the others were never read from the base

  // Deleted, then written again; a record written since deleted again.
  map.insert_or_assign(9, std::make_shared<const Item>(Item{"again"}));
  EXPECT_EQ(map.erase(12), 1u);
  EXPECT_EQ(map.size(), 4u);
  EXPECT_EQ(Listed(map), "1=new 2=a 5=B 9=again ");

  EXPECT_EQ(Listed(before), "2=a 5=b 9=c ");
  EXPECT_EQ(before.size(), 3u);
}

TEST(RecordMapTest, AllDeletedOrEmptyIterateNothing) {
  RecordMap<Item> empty;
  EXPECT_EQ(empty.begin(), empty.end());
  EXPECT_TRUE(empty.empty());
  auto items = std::make_shared<EncodedItems>(EncodedItems{{"a", "b"}});
  RecordMap<Item> map(EncodedBase(items, {1, 2}));
  map.erase(1);
  map.erase(2);
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.begin(), map.end());
}

TEST(RecordMapTest, ARecordThatDoesNotDecodeIsNeverServed) {
  auto items = std::make_shared<EncodedItems>(EncodedItems{{"a", "!"}});
  RecordMap<Item> map(EncodedBase(items, {1, 2}));
  EXPECT_EQ(map.find(1)->second->text, "a");
  EXPECT_THROW(map.find(2)->second, std::runtime_error);
}

TEST(RecordMapTest, DecodeAllLetsTheBytesGoAndRacingReadersAgree) {
  std::vector<std::string> texts;
  std::vector<int64_t> ids;
  for (int i = 0; i < 20000; ++i) {
    texts.push_back("r" + std::to_string(i));
    ids.push_back(3 * i);
  }
  auto items = std::make_shared<EncodedItems>(EncodedItems{texts});
  RecordBase<Item>::Encoded e;
  e.keep = items;
  e.ids = ids;
  for (const auto& t : items->texts) e.bytes.push_back(t);
  e.decode = [](std::string_view bytes, Item& item) {
    item.text = std::string(bytes);
    return true;
  };
  e.damaged = [](int64_t) { std::abort(); };
  bool released = false;
  e.release = [&] { released = true; };
  auto base = std::make_shared<const RecordBase<Item>>(std::move(e));
  RecordMap<Item> map(base);
  std::atomic<bool> stop{false};
  std::vector<const Item*> seen(ids.size());
  std::thread reader([&] {
    size_t i = 0;
    for (const auto& [id, item] : map) seen[i++] = item.get();
  });
  base->DecodeAll(stop);
  reader.join();
  EXPECT_TRUE(released);
  EXPECT_EQ(base->decoded(), ids.size());
  size_t i = 0;
  for (const auto& [id, item] : map) {
    ASSERT_EQ(id, ids[i]);
    EXPECT_EQ(item->text, texts[i]);
    EXPECT_EQ(item.get(), seen[i]) << "both threads must see the one kept copy";
    ++i;
  }
}

}  // namespace
}  // namespace prosit
