#pragma once
// The versioned schema of the SQLite store. Each migration runs once, in order, in a
// transaction with the row that records it; never edit a released migration, add one.

#include <string>
#include <vector>

namespace prosit {

struct Migration {
  int version;
  std::string description;
  std::string sql;
};

const std::vector<Migration>& SqliteMigrations();

}  // namespace prosit
