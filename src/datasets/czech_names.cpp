#include "datasets/czech_names.h"

#include <cstring>
#include <iterator>

namespace prosit {

namespace {

// Two-byte UTF-8 Czech letters and their ASCII base letters.
struct Fold {
  const char* utf8;
  char ascii;
};
const Fold kFolds[] = {
    {"á", 'a'}, {"č", 'c'}, {"ď", 'd'}, {"é", 'e'}, {"ě", 'e'}, {"í", 'i'}, {"ň", 'n'},
    {"ó", 'o'}, {"ř", 'r'}, {"š", 's'}, {"ť", 't'}, {"ú", 'u'}, {"ů", 'u'}, {"ý", 'y'},
    {"ž", 'z'}, {"Á", 'a'}, {"Č", 'c'}, {"Ď", 'd'}, {"É", 'e'}, {"Ě", 'e'}, {"Í", 'i'},
    {"Ň", 'n'}, {"Ó", 'o'}, {"Ř", 'r'}, {"Š", 's'}, {"Ť", 't'}, {"Ú", 'u'}, {"Ů", 'u'},
    {"Ý", 'y'}, {"Ž", 'z'}, {"ä", 'a'}, {"ö", 'o'}, {"ü", 'u'}, {"ô", 'o'}, {"ľ", 'l'},
};

// The ASCII letter for the multi-byte character at `s`, or 0; sets `len` to its length.
char FoldAt(std::string_view s, size_t& len) {
  for (const Fold& f : kFolds) {
    size_t n = std::strlen(f.utf8);
    if (s.substr(0, n) == f.utf8) {
      len = n;
      return f.ascii;
    }
  }
  len = 1;
  while (len < s.size() && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) ++len;
  return 0;
}

const char* const kStreets[] = {"Komenského", "Smetanova",  "Masarykova", "Husova",   "Palackého",
                                "Tyršova",    "Jiráskova",  "Nerudova",   "Školní",   "Nádražní",
                                "Sokolovská", "Havlíčkova", "Žižkova",    "Dukelská", "U Stadionu",
                                "Riegrova",   "Družstevní", "Lidická",    "Zahradní", "Polní"};

const char* const kFemaleFirst[] = {"Jana", "Eva", "Hana", "Lenka", "Petra", "Marie", "Lucie"};
const char* const kMaleFirst[] = {"Jan", "Petr", "Pavel", "Martin", "Tomáš", "Jiří", "Josef"};
const char* const kMaleLast[] = {"Novák",     "Svoboda", "Novotný", "Dvořák", "Černý",
                                 "Procházka", "Kučera",  "Veselý",  "Horák",  "Němec"};
const char* const kFemaleLast[] = {"Nováková",    "Svobodová", "Novotná", "Dvořáková", "Černá",
                                   "Procházková", "Kučerová",  "Veselá",  "Horáková",  "Němcová"};

const char* const kClubPatterns[] = {"TJ Sokol ",           "SK ",
                                     "Skautské středisko ", "Sbor dobrovolných hasičů ",
                                     "Taneční studio ",     "Florbalový klub ",
                                     "Šachový klub ",       "Turistický oddíl mládeže "};

}  // namespace

std::string Slug(std::string_view s, size_t max_len) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < s.size() && out.size() < max_len;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char a = 0;
    size_t len = 1;
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) a = static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') a = static_cast<char>(c - 'A' + 'a');
    } else {
      a = FoldAt(s.substr(i), len);
    }
    i += len;
    if (a == 0) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += a;
  }
  return out.empty() ? "sluzba" : out;
}

std::string RegionGenitive(const std::string& name) {
  const std::string kraj = " kraj";
  if (name.size() > kraj.size() + 2 && name.ends_with("ý" + kraj))
    return name.substr(0, name.size() - kraj.size() - std::strlen("ý")) + "ého kraje";
  if (name.starts_with("Kraj ")) return "Kraje " + name.substr(5);
  if (name.starts_with("Hlavní město")) return "hlavního města Prahy";
  return name;
}

const char* StreetName(size_t i) { return kStreets[i % std::size(kStreets)]; }
size_t StreetNameCount() { return std::size(kStreets); }

std::string GenericDoctorName(size_t first, size_t last, bool female) {
  if (female)
    return std::string("MUDr. ") + kFemaleFirst[first % std::size(kFemaleFirst)] + " " +
           kFemaleLast[last % std::size(kFemaleLast)];
  return std::string("MUDr. ") + kMaleFirst[first % std::size(kMaleFirst)] + " " +
         kMaleLast[last % std::size(kMaleLast)];
}

std::string GenericPersonName(size_t first, size_t last, bool female) {
  if (female)
    return std::string(kFemaleFirst[first % std::size(kFemaleFirst)]) + " " +
           kFemaleLast[last % std::size(kFemaleLast)];
  return std::string(kMaleFirst[first % std::size(kMaleFirst)]) + " " +
         kMaleLast[last % std::size(kMaleLast)];
}

std::string ClubName(size_t i, const std::string& town) {
  return kClubPatterns[i % std::size(kClubPatterns)] + town;
}

}  // namespace prosit
