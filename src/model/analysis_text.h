#pragma once
// AnalysisText: the networker's own texts for the chapters of an ORP's "Analýza místní
// sítě služeb a návrh její optimální podoby", one record per ORP (the newest one counts),
// versioned like every record. The document places each text in its chapter beside the
// figures computed from the data.

#include <cstdint>
#include <string>

#include "model/provenance.h"

namespace prosit {

struct AnalysisText {
  int64_t id = 0;
  int64_t version = 0;
  std::string orp_code;
  std::string introduction;
  std::string about_project;
  std::string networking;
  std::string child_needs;
  std::string networks;
  std::string network_analysis;
  std::string cooperation;
  std::string needs_found;
  std::string good_practice;
  std::string recommendations;
  std::string conclusion;
  std::string annex;
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

// A chapter of the analysis: its text member, its key in JSON and its headings. The
// chapter "sources" has no text of its own (it lists what the figures rest on).
struct AnalysisChapter {
  std::string AnalysisText::*member;
  const char* key;
  const char* heading_cs;
  const char* heading_en;
};

inline const AnalysisChapter kAnalysisChapters[] = {
    {&AnalysisText::introduction, "introduction", "Úvod", "Introduction"},
    {&AnalysisText::about_project, "about_project", "O projektu", "About the project"},
    {&AnalysisText::networking, "networking", "Síťování v ORP", "Networking in the ORP"},
    {&AnalysisText::child_needs, "child_needs", "Potřeby dítěte a úrovně podpory",
     "The child's needs and the levels of support"},
    {&AnalysisText::networks, "networks", "Optimální a reálná síť",
     "The optimal and the real network"},
    {&AnalysisText::network_analysis, "network_analysis",
     "Analýza reálné sítě a návrh její optimální podoby",
     "Analysis of the real network and the proposal of its optimal form"},
    {&AnalysisText::cooperation, "cooperation", "Modely spolupráce a spolupráce v ORP",
     "Models of cooperation and cooperation in the ORP"},
    {&AnalysisText::needs_found, "needs_found", "Zjištěné potřeby", "Needs found"},
    {&AnalysisText::good_practice, "good_practice", "Příklady dobré praxe", "Good practice"},
    {&AnalysisText::recommendations, "recommendations", "Doporučení", "Recommendations"},
    {&AnalysisText::conclusion, "conclusion", "Závěr", "Conclusion"},
    {&AnalysisText::annex, "annex", "Příloha: role aktérů", "Annex: the roles of the actors"},
};

}  // namespace prosit
