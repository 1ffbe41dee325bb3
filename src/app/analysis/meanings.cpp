#include "app/analysis/meanings.h"

#include <array>

namespace prosit {

namespace {

constexpr std::array kMeanings = {
    // Coverage of the optimal model.
    Meaning{"covered",
            "Všechny služby, které model pro tuto potřebu a úroveň očekává, v ORP jsou a každé "
            "dítě je má v dosahu normy.",
            "Every service the model expects for this need and level is present in the ORP and "
            "every child reaches each within the norm."},
    Meaning{"partial", "Některé očekávané služby v ORP jsou, jiné chybí – chybějící jsou vypsány.",
            "Some expected services are present in the ORP, others are missing – the missing "
            "ones are listed."},
    Meaning{"capacity_short",
            "Služby tu jsou, ale jejich kapacita v některé jednotce nedosahuje normy na 1 000 "
            "dětí.",
            "The services are there, but their capacity in some unit falls short of the norm "
            "per 1,000 children."},
    Meaning{"too_far",
            "Všechny očekávané služby tu jsou, ale část dětí některou z nich nemá v dosahu "
            "normy (počítá se samotná cesta, bez času na cestu k zastávce).",
            "Every expected service is there, but some children cannot reach one of them "
            "within the norm (the journey itself counts, not the time to get to the stop)."},
    Meaning{"missing", "Bílé místo: žádná z očekávaných služeb v ORP není.",
            "A white spot: none of the expected services is present in the ORP."},
    Meaning{"strong", "Silné místo: pokryto, alespoň dvěma službami a s kapacitou s rezervou.",
            "A strong spot: covered, by at least two services, with capacity to spare."},
    Meaning{"share_within_norm",
            "Podíl dětí ORP, které mají každou přítomnou službu buňky v dosahu normy.",
            "The share of the ORP's children who reach every present service of the cell "
            "within the norm."},
    Meaning{"norm_unmeetable",
            "Normu nesplní žádná obec ani se službou přímo v obci: stav pak vypovídá o normě, "
            "ne o síti.",
            "No municipality can meet the norm, not even with the service on its doorstep: "
            "the status then speaks of the norm, not of the network."},
    // Spatial accessibility.
    Meaning{"access_per_1000_children",
            "Kolik kapacity služby (v jedné jednotce) připadá na 1 000 dětí obce, když se "
            "každá služba dělí mezi všechny děti ve svém dosahu a bližší váží víc.",
            "How much service capacity (in one unit) falls to 1,000 children of the "
            "municipality when each service is shared among all children in its reach, the "
            "nearer weighing more."},
    Meaning{"no_supply_in_reach",
            "Žádná služba s uvedenou kapacitou v této jednotce obec nedosáhne: údaj chybí, "
            "není to nula.",
            "No service stating a capacity in this unit reaches the municipality: the figure "
            "is missing, it is not zero."},
    // The cooperation network.
    Meaning{"density", "Jaká část všech možných dvojic aktérů spolu skutečně spolupracuje.",
            "Which part of all possible pairs of actors actually cooperate."},
    Meaning{"ei",
            "E-I index: od −1 (spolupráce jen uvnitř vlastního sektoru) do +1 (jen napříč "
            "sektory).",
            "E-I index: from −1 (cooperation only within one's own sector) to +1 (only across "
            "sectors)."},
    Meaning{"brokerage",
            "Jak často aktér propojuje dva jiné, kteří spolu přímo nespolupracují, a mezi "
            "kterými sektory (koordinátor, konzultant, zástupce/vrátný, spojka).",
            "How often an actor links two others who do not cooperate directly, and between "
            "which sectors (coordinator, itinerant, representative/gatekeeper, liaison)."},
    Meaning{"degree", "Stupeň: s kolika aktéry aktér přímo spolupracuje.",
            "Degree: how many actors the actor cooperates with directly."},
    Meaning{"betweenness",
            "Mezilehlost: jak často leží aktér na nejkratší cestě mezi dvěma jinými – kolik "
            "spojení vede přes něj.",
            "Betweenness: how often the actor lies on the shortest path between two others – "
            "how many links run through them."},
    Meaning{"closeness",
            "Blízkost: jak blízko (v počtu kroků) má aktér ke všem ostatním, se kterými je "
            "propojen.",
            "Closeness: how near (in steps) the actor is to all the others it is connected "
            "with."},
    Meaning{"harmonic_closeness",
            "Harmonická blízkost: blízkost, kterou lze srovnávat i v síti rozpadlé na části.",
            "Harmonic closeness: closeness that can be compared even in a network fallen "
            "into parts."},
    Meaning{"centralization",
            "Centralizace: nakolik síť stojí na jednom či několika aktérech (0 = všichni "
            "stejně, 1 = hvězda).",
            "Centralization: how far the network rests on one or a few actors (0 = all alike, "
            "1 = a star)."},
    Meaning{"communities",
            "Komunity: skupiny aktérů, kteří spolupracují spolu víc než s ostatními; "
            "modularita říká, jak zřetelně se síť na ně dělí.",
            "Communities: groups of actors who cooperate more among themselves than with the "
            "rest; modularity tells how clearly the network divides into them."},
    Meaning{"coreness", "Jádrovost: aktér patří do jádra k, když v něm má alespoň k partnerů.",
            "Coreness: the actor belongs to the k-core when it has at least k partners within "
            "it."},
    Meaning{"components", "Komponenty: části sítě, mezi kterými nevede žádná spolupráce.",
            "Components: parts of the network with no cooperation between them."},
    Meaning{"crosses_border",
            "Spolupráce s aktérem sídlícím mimo území: patří k síti území, ale do jejích měr "
            "se nepočítá.",
            "Cooperation with an actor seated outside the territory: it belongs with the "
            "territory's network but is not counted in its measures."},
};

}  // namespace

const Meaning* FindMeaning(std::string_view key) {
  for (const Meaning& m : kMeanings)
    if (m.key == key) return &m;
  return nullptr;
}

nlohmann::json MeaningsJson(std::span<const std::string_view> keys) {
  nlohmann::json out = nlohmann::json::object();
  for (std::string_view key : keys)
    if (const Meaning* m = FindMeaning(key))
      out[std::string(key)] = {{"cs", std::string(m->cs)}, {"en", std::string(m->en)}};
  return out;
}

std::span<const std::string_view> CoverageMeaningKeys() {
  static constexpr std::string_view keys[] = {
      "covered", "partial", "capacity_short",    "too_far",
      "missing", "strong",  "share_within_norm", "norm_unmeetable"};
  return keys;
}

std::span<const std::string_view> AccessibilityMeaningKeys() {
  static constexpr std::string_view keys[] = {"access_per_1000_children", "no_supply_in_reach",
                                              "norm_unmeetable"};
  return keys;
}

std::span<const std::string_view> NetworkMeaningKeys() {
  static constexpr std::string_view keys[] = {
      "density",     "ei",        "brokerage",          "degree",
      "betweenness", "closeness", "harmonic_closeness", "centralization",
      "communities", "coreness",  "components",         "crosses_border"};
  return keys;
}

}  // namespace prosit
