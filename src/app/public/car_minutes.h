#pragma once
// CarMinutes: how long the drive from a municipality to another takes, for answers to the
// public ("asi 25 min autem"). The analysis basis's travel times when they are ready —
// the same figures the analyses use — else, and for a pair beyond their cutoff, the
// built-in great-circle estimate; each figure says which it is.

#include <memory>
#include <string>

#include "analysis/great_circle_travel.h"
#include "app/analysis/analysis_basis.h"

namespace prosit {

class CarMinutes {
 public:
  struct Figure {
    float minutes = 0;
    bool estimated = false;  // from the great-circle estimate, not the travel-time table
  };

  // `times` may be null: every figure is then the estimate.
  CarMinutes(const Territory& territory, std::shared_ptr<const TravelTimes> times);

  // The travel times of `analysis` if it has them ready (it is not waited for: a person
  // waits for the answer), else the estimate alone.
  static CarMinutes For(AnalysisBasisKeeper& analysis,
                        std::shared_ptr<const NetworkSnapshot> snapshot);

  Figure Between(const Municipality& from, const Municipality& to) const;
  // Where the figures come from, for the answer ("asi N min autem" says no more).
  std::string Source() const;
  bool estimated_only() const { return times_ == nullptr; }

 private:
  const Territory& territory_;
  std::shared_ptr<const TravelTimes> times_;
  GreatCircleTravel estimate_;
};

}  // namespace prosit
