#include "kiosk/core/classroom/game.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/classroom/shuffle.hpp"

namespace kiosk::classroom {

void SortingGame::start(const std::vector<WasteItem>& items, const std::vector<std::string>& bins,
                        std::uint64_t seed, double now, const GameRules& rules) {
  rules_ = rules;
  round_.clear();
  answers_.clear();
  time_up_ = false;
  SeededRandom random(seed);

  std::vector<Card> pool;
  for (size_t i = 0; i < items.size(); ++i)
    if (std::find(bins.begin(), bins.end(), items[i].category) != bins.end())
      pool.push_back({static_cast<int>(i), items[i].category});
  shuffle(pool, random);

  // One of each bin first, so a short round still asks about every bin; then the rest in order.
  const size_t want = static_cast<size_t>(std::max(0, rules.items_per_round));
  std::vector<bool> taken(pool.size(), false);
  for (const std::string& bin : bins) {
    for (size_t i = 0; i < pool.size() && round_.size() < want; ++i)
      if (!taken[i] && pool[i].bin == bin) {
        taken[i] = true;
        round_.push_back(pool[i]);
        break;
      }
  }
  for (size_t i = 0; i < pool.size() && round_.size() < want; ++i)
    if (!taken[i]) round_.push_back(pool[i]);
  shuffle(round_, random);

  left_ = rules.round_seconds;
  resumed_at_ = now;
  now_ = now;
  phase_ = round_.empty() ? Phase::over : Phase::playing;
}

double SortingGame::left_at(double now) const {
  return phase_ == Phase::playing ? left_ - (now - resumed_at_) : left_;
}

void SortingGame::tick(double now) {
  now_ = std::max(now_, now);
  if (phase_ == Phase::playing && left_at(now_) <= 0) {
    left_ = 0;
    time_up_ = true;
    phase_ = Phase::over;
  }
}

bool SortingGame::due(double now) const {
  if (phase_ != Phase::playing || now <= now_) return false;
  const double before = left_at(now_), after = left_at(now);
  return after <= 0 || std::ceil(after) != std::ceil(before);
}

void SortingGame::sort(const std::string& bin, double now) {
  tick(now);
  if (phase_ != Phase::playing) return;
  const Card& card = round_[answers_.size()];
  answers_.push_back({card.item, bin, card.bin, bin == card.bin});
  left_ = left_at(now_);
  resumed_at_ = now_;
  if (!answers_.back().right)
    phase_ = Phase::explaining;
  else if (answers_.size() == round_.size())
    phase_ = Phase::over;
}

void SortingGame::next(double now) {
  now_ = std::max(now_, now);
  if (phase_ != Phase::explaining) return;
  resumed_at_ = now_;
  phase_ = answers_.size() == round_.size() ? Phase::over : Phase::playing;
}

int SortingGame::current_item() const {
  return phase_ == Phase::playing ? round_[answers_.size()].item : -1;
}

int SortingGame::right() const {
  return static_cast<int>(
      std::count_if(answers_.begin(), answers_.end(), [](const SortAnswer& a) { return a.right; }));
}

double SortingGame::seconds_left() const {
  return std::max(0.0, left_at(now_));
}

std::vector<SortAnswer> SortingGame::mistakes() const {
  std::vector<SortAnswer> out;
  for (const SortAnswer& a : answers_)
    if (!a.right) out.push_back(a);
  return out;
}

}  // namespace kiosk::classroom
