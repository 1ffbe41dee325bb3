#pragma once
// The SQLite AccountStore, on the connection (and under the mutex) of its SqliteStore.

#include <memory>
#include <mutex>

#include "store/account_store.h"
#include "store/sqlite_statement.h"

namespace prosit {

std::unique_ptr<AccountStore> MakeSqliteAccountStore(SqliteConnection& conn, std::mutex& mu);

}  // namespace prosit
