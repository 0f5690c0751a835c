#include "kiosk/app/data_setup.hpp"

namespace kiosk {

// Placeholder until the fetch worker lands: no data, so every screen says "no data".
std::shared_ptr<DataFeed> make_data_feed(const ContentPack&, FetchMode, const Clock&) {
  return std::make_shared<FixedFeed>(std::make_shared<DataSnapshot>());
}

}  // namespace kiosk
