#include <gtest/gtest.h>

#include "app/accounts/password_hasher.h"
#include "app/accounts/secret_tokens.h"

namespace prosit {

TEST(Password, HashVerifiesTheRightPasswordOnly) {
  auto hash = HashPassword("Correct horse 42", PasswordHashing::FastForTests());
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword("Correct horse 42", *hash));
  EXPECT_FALSE(VerifyPassword("Correct horse 43", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
  EXPECT_FALSE(VerifyPassword("Correct horse 42", ""));
  EXPECT_FALSE(VerifyPassword("Correct horse 42", "$argon2id$garbage"));
  // A fresh salt each time.
  EXPECT_NE(*hash, *HashPassword("Correct horse 42", PasswordHashing::FastForTests()));
}

// The production limits do at least 100 ms of work on purpose (0.15 s measured here).
// The work is set by the parameters (its time is a benchmark's business, not a test's).
TEST(Password, ProductionHashingUsesArgon2idWithItsWork) {
  auto hash = HashPassword("Correct horse 42", PasswordHashing::Production());
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_NE(hash->find("m=65536,t=5"), std::string::npos) << *hash;
  EXPECT_TRUE(VerifyPassword("Correct horse 42", *hash));
}

TEST(Password, PolicyNamesWhatIsWrong) {
  EXPECT_TRUE(CheckPasswordPolicy("Correct horse 42", "jana").empty());
  EXPECT_TRUE(CheckPasswordPolicy("short1A", "jana").count("password"));
  EXPECT_EQ(CheckPasswordPolicy("aaaaaaaaaaaaaaaa", "jana")["password"],
            "mix at least two of: lower-case, upper-case, digits, other characters");
  EXPECT_EQ(CheckPasswordPolicy("123456789012", "jana")["password"],
            "mix at least two of: lower-case, upper-case, digits, other characters");
  EXPECT_EQ(CheckPasswordPolicy("xxJANA.novak2026", "jana.novak")["password"],
            "must not contain the login");
  // Characters, not bytes: "žluťoučkýkůň" is 12 characters (and 19 bytes).
  EXPECT_TRUE(CheckPasswordPolicy("žluťoučkýkůň", "jana").count("password") == 0);
  EXPECT_TRUE(CheckPasswordPolicy("ěščřžýáíéů", "jana").count("password"));  // 10 characters
  EXPECT_TRUE(CheckPasswordPolicy(std::string(1025, 'a') + "1", "jana").count("password"));
  EXPECT_EQ(CheckPasswordPolicy("short", "x", "new_password").count("new_password"), 1u);
}

TEST(Password, GeneratedPasswordsMeetThePolicyAndDiffer) {
  std::string a = GeneratePassword(), b = GeneratePassword();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_TRUE(CheckPasswordPolicy(a, "").empty());
  EXPECT_NE(a, b);
}

TEST(SecretTokens, RandomHashedAndComparedSafely) {
  std::string t = RandomToken();
  EXPECT_EQ(t.size(), 64u);
  EXPECT_NE(t, RandomToken());
  EXPECT_EQ(HashToken(t), HashToken(t));
  EXPECT_NE(HashToken(t), t);
  EXPECT_EQ(HashToken(t).size(), 64u);
  EXPECT_EQ(CsrfTokenOf(t), CsrfTokenOf(t));
  EXPECT_NE(CsrfTokenOf(t), CsrfTokenOf(RandomToken()));
  EXPECT_NE(CsrfTokenOf(t), HashToken(t));
  EXPECT_TRUE(SecretsEqual("abc", "abc"));
  EXPECT_FALSE(SecretsEqual("abc", "abd"));
  EXPECT_FALSE(SecretsEqual("abc", "abcd"));
}

}  // namespace prosit
