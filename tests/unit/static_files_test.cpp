// StaticFiles: which request paths may name a file, and that nothing outside the root
// is ever read.

#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace prosit {
namespace {

namespace fs = std::filesystem;

TEST(SafeRelativePath, AcceptsPlainPaths) {
  EXPECT_EQ(SafeRelativePath("/"), fs::path());
  EXPECT_EQ(SafeRelativePath("/app.js"), fs::path("app.js"));
  EXPECT_EQ(SafeRelativePath("/assets/a-1.js?v=2"), fs::path("assets/a-1.js"));
  EXPECT_EQ(SafeRelativePath("/orp/5304#x"), fs::path("orp/5304"));
  EXPECT_EQ(SafeRelativePath("/%C5%A1kola.html"), fs::path("škola.html"));
}

TEST(SafeRelativePath, RefusesAnythingThatCouldLeaveTheRoot) {
  for (const char* target :
       {"", "app.js", "/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd",
        "/%2E%2E/etc/passwd", "/..%2fetc%2fpasswd", "/a%2f..%2f..%2fetc", "/..%5c..%5cetc", "/a\\b",
        "/app.js%00.png", "/%00", "//etc/passwd", "/./app.js", "/.env", "/a/", "/%zz", "/%2",
        "/C:%5cwin"})
    EXPECT_FALSE(SafeRelativePath(target).has_value()) << target;
  EXPECT_FALSE(SafeRelativePath(std::string_view("/a\0b", 4)).has_value());
}

TEST(ContentTypeOf, KnowsTheBuildOutput) {
  EXPECT_EQ(ContentTypeOf("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeOf("a.png"), "image/png");
  EXPECT_EQ(ContentTypeOf("a.json"), "application/json; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeOf("a.exe"), "application/octet-stream");
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("prosit-static-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "dist" / "assets");
    fs::create_directories(base_ / "distant");
    Write(base_ / "dist" / "index.html", "<title>index</title>");
    Write(base_ / "dist" / "assets" / "a-1.js", "js");
    Write(base_ / "distant" / "secret.txt", "secret");
    fs::create_symlink(base_ / "distant" / "secret.txt", base_ / "dist" / "escape.txt");
    fs::create_symlink(base_ / "distant", base_ / "dist" / "escape");
    fs::create_symlink(base_ / "dist" / "assets" / "a-1.js", base_ / "dist" / "inside.js");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void Write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

  fs::path base_;
};

TEST_F(StaticFilesTest, ServesFilesIndexAndAppRoutes) {
  auto files = StaticFiles::Open(base_ / "dist");
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  auto js = files->Find("/assets/a-1.js");
  ASSERT_TRUE(js.has_value());
  EXPECT_EQ(js->body, "js");
  EXPECT_EQ(js->cache_control, "public, max-age=31536000, immutable");
  for (const char* target : {"/", "/index.html", "/orp/5304"}) {
    auto page = files->Find(target);
    ASSERT_TRUE(page.has_value()) << target;
    EXPECT_EQ(page->body, "<title>index</title>");
    EXPECT_EQ(page->cache_control, "no-cache");
  }
  EXPECT_FALSE(files->Find("/missing.js").has_value());
  EXPECT_TRUE(files->Find("/inside.js").has_value());  // a symlink that stays inside
}

TEST_F(StaticFilesTest, NeverReadsOutsideTheRoot) {
  auto files = StaticFiles::Open(base_ / "dist");
  ASSERT_TRUE(files.ok());
  // "distant" shares the root's name as a string prefix: a naive prefix check passes it.
  for (const char* target :
       {"/escape.txt", "/escape/secret.txt", "/escape", "/escape/x", "/../distant/secret.txt",
        "/%2e%2e/distant/secret.txt", "/..%2fdistant%2fsecret.txt"})
    EXPECT_FALSE(files->Find(target).has_value()) << target;
}

TEST(StaticFilesOpen, RefusesAMissingFolder) {
  EXPECT_FALSE(StaticFiles::Open("/nonexistent/prosit/dist").ok());
}

}  // namespace
}  // namespace prosit
