// The waste-sorting game of classroom mode: a round of items from the content, sorted one at a
// time into the four bins against a clock. Pure logic on times the caller passes in, so the
// kiosk's Clock (and replay's simulated one) drives it and tests need no window.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/content/content_pack.hpp"

namespace kiosk::classroom {

struct GameRules {
  int items_per_round = 10;   // fewer when the content has fewer items
  double round_seconds = 90;  // the clock stops while a mistake is being explained
};

// One item the player sorted.
struct SortAnswer {
  int item = -1;          // index into ContentPack::waste_items
  std::string chosen;     // the bin (category id) the player chose
  std::string right_bin;  // the item's category
  bool right = false;
};

class SortingGame {
 public:
  enum class Phase {
    not_started,  // no round yet
    playing,      // an item waits to be sorted; the clock runs
    explaining,   // the last item went into the wrong bin: its tip shows until next()
    over,         // every item sorted or the time is up: the round summary
  };

  // A fresh round, forgetting any earlier one. Items take part when their category is one of
  // `bins`; one item of each bin comes first in the draw so every bin is used, the rest at random,
  // and the round's order is shuffled by `seed`. `now` is a monotonic time in seconds.
  void start(const std::vector<WasteItem>& items, const std::vector<std::string>& bins, std::uint64_t seed,
             double now, const GameRules& rules = {});
  // The current item went into `bin`. Right: a point and the next item. Wrong: the explanation
  // until next(). Ignored unless playing, and once the time is up.
  void sort(const std::string& bin, double now);
  // Carries on after an explanation.
  void next(double now);
  // Time passes: ends the round when the time is up.
  void tick(double now);
  // True when tick(now) would change what is shown: the countdown's second, or the end.
  bool due(double now) const;

  Phase phase() const { return phase_; }
  // Index into the content's items of the item waiting to be sorted; -1 when none waits.
  int current_item() const;
  int position() const { return static_cast<int>(answers_.size()); }  // items sorted so far
  int round_size() const { return static_cast<int>(round_.size()); }
  int score() const { return right(); }  // a point for each item in its right bin
  int right() const;
  int wrong() const { return position() - right(); }
  int unsorted() const { return round_size() - position(); }  // left when the time ran out
  bool time_up() const { return time_up_; }
  double seconds_left() const;  // as of the last call that passed a time
  double round_seconds() const { return rules_.round_seconds; }
  const std::vector<SortAnswer>& answers() const { return answers_; }
  const SortAnswer* last() const { return answers_.empty() ? nullptr : &answers_.back(); }
  std::vector<SortAnswer> mistakes() const;  // the items to review, in the order they came

 private:
  struct Card {
    int item = -1;
    std::string bin;
  };
  double left_at(double now) const;

  GameRules rules_;
  std::vector<Card> round_;
  std::vector<SortAnswer> answers_;
  Phase phase_ = Phase::not_started;
  double left_ = 0;        // seconds left when the clock last stopped or restarted
  double resumed_at_ = 0;  // when the clock last (re)started
  double now_ = 0;         // the latest time passed in
  bool time_up_ = false;
};

}  // namespace kiosk::classroom
