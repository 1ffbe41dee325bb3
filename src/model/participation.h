#pragma once
// The project as the seeds speak of it: which ORPs and regions take part in networking
// (the participation register: since when, until when if they left, with which
// networkers) and the text sections a networker writes about the ORP (the seeds' "ORP
// profile" template). A region-level record names the region's code where an ORP's
// code would stand (see IsRegionCode).

#include <cstdint>
#include <string>
#include <vector>

#include "model/provenance.h"

namespace prosit {

// A networker (síťař, síťařka) or regional coordinator, with the contacts the seeds give.
struct NetworkerContact {
  std::string name;
  std::string email;
  std::string phone;
  int64_t user_id = 0;  // the user account, when the networker has one
};

struct Participation {
  int64_t id = 0;
  int64_t version = 0;
  std::string orp_code;  // the ORP taking part, or the region's code for a region
  std::string since;     // ISO date: "síťování probíhá od"
  std::string until;     // ISO date when it left, or empty while it takes part
  std::vector<NetworkerContact> networkers;
  std::string note;
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

// Whether a participation holds on `date` (ISO): begun and not ended.
inline bool TakesPart(const Participation& p, const std::string& date) {
  return p.since <= date && (p.until.empty() || date <= p.until);
}

// The networker's text about an ORP, one section per heading of the seeds' template
// (OrpTextSections); the ORP profile shows the newest record of the ORP.
struct OrpText {
  int64_t id = 0;
  int64_t version = 0;
  std::string orp_code;
  std::string characteristics;   // Charakteristika ORP
  std::string good_practice;     // Příklady dobré praxe v lokalitě
  std::string needs_and_themes;  // Výčet stěžejních zjištěných potřeb a definice témat
  std::string focus;             // Na co se zaměřuji a proč?
  std::string meaning;           // Jaký vidím v síťování smysl? Co se povedlo?
  std::string analysis_outputs;  // Výstupy z analýzy místní sítě
  std::string recommendations;   // Doporučení směrem k síti služeb pro děti a jejich rodiny
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

// A section of the template: its member, its key in JSON and its headings.
struct OrpTextSection {
  std::string OrpText::*member;
  const char* key;
  const char* heading_cs;
  const char* heading_en;
};

inline const OrpTextSection kOrpTextSections[] = {
    {&OrpText::characteristics, "characteristics", "Charakteristika ORP",
     "Characteristics of the ORP"},
    {&OrpText::good_practice, "good_practice", "Příklady dobré praxe v lokalitě",
     "Examples of good practice in the area"},
    {&OrpText::needs_and_themes, "needs_and_themes",
     "Výčet stěžejních zjištěných potřeb a definice témat", "The key needs found and the themes"},
    {&OrpText::focus, "focus", "Na co se zaměřuji a proč?", "What I focus on, and why"},
    {&OrpText::meaning, "meaning", "Jaký vidím v síťování smysl? Co se povedlo?",
     "What networking is for; what worked"},
    {&OrpText::analysis_outputs, "analysis_outputs", "Výstupy z analýzy místní sítě",
     "Results of the analysis of the local network"},
    {&OrpText::recommendations, "recommendations",
     "Doporučení směrem k síti služeb pro děti a jejich rodiny",
     "Recommendations for the network of services for children and families"},
};

// Region codes are NUTS 3 ("CZ053"); ORP codes are digits ("5304").
inline bool IsRegionCode(const std::string& code) { return code.rfind("CZ", 0) == 0; }

}  // namespace prosit
