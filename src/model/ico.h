#pragma once
// IČO, the Czech company identification number: 8 digits, the last a mod-11 check digit.

#include <string>

namespace prosit {

// True when `ico` is 8 digits whose check digit matches the weighted sum of the first 7.
bool IsValidIco(const std::string& ico);

// The check digit for 7 leading digits (for generators). Returns -1 when no valid
// check digit exists for that prefix.
int IcoCheckDigit(const std::string& first7);

}  // namespace prosit
