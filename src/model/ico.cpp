#include "model/ico.h"

namespace prosit {

int IcoCheckDigit(const std::string& first7) {
  if (first7.size() != 7) return -1;
  int sum = 0;
  for (int i = 0; i < 7; ++i) {
    char c = first7[i];
    if (c < '0' || c > '9') return -1;
    sum += (c - '0') * (8 - i);
  }
  // Rule of the ARES register: c = (11 - sum mod 11) mod 10.
  return (11 - sum % 11) % 10;
}

bool IsValidIco(const std::string& ico) {
  if (ico.size() != 8) return false;
  int check = IcoCheckDigit(ico.substr(0, 7));
  return check >= 0 && ico[7] >= '0' && ico[7] <= '9' && ico[7] - '0' == check;
}

}  // namespace prosit
