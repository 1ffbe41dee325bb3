#pragma once
// Contact: one way to reach an actor or a service (a phone line, a mailbox, a person).

#include <string>

namespace prosit {

struct Contact {
  std::string name;  // a person or a desk ("Podatelna"); may be empty
  std::string role;
  std::string phone;
  std::string email;
  std::string web;
  bool is_public = false;  // personal contacts stay internal unless marked public
};

}  // namespace prosit
