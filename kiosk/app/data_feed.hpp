// Where the app gets its data snapshots: the fetch worker in a real kiosk, a fixed snapshot in tests.
#pragma once
#include <memory>

#include "kiosk/core/snapshot.hpp"
#include "kiosk/core/source_config.hpp"

namespace kiosk {

class DataFeed {
 public:
  virtual ~DataFeed() = default;
  virtual SnapshotPtr snapshot() const = 0;
  // Worker heartbeat for the watchdog; feeds without a worker are always alive.
  virtual bool alive() const { return true; }
  // Content reload: the sources changed.
  virtual void set_sources(const std::vector<SourceConfig>&) {}
};

class FixedFeed final : public DataFeed {
 public:
  explicit FixedFeed(SnapshotPtr snapshot) : snapshot_(std::move(snapshot)) {}
  SnapshotPtr snapshot() const override { return snapshot_; }

 private:
  SnapshotPtr snapshot_;
};

}  // namespace kiosk
