#include "kiosk/system/screen_power.hpp"

#include <SDL_syswm.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "kiosk/core/log.hpp"

namespace kiosk::sys {
namespace fs = std::filesystem;
namespace {

bool write_sysfs(const fs::path& file, const std::string& value, std::string& error) {
  std::ofstream out(file);
  if (out) out << value << '\n';
  if (!out || !out.flush()) {
    error = "cannot write " + file.string() + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

class Backlight final : public ScreenPower {
 public:
  Backlight(fs::path dir, long max) : dir_(std::move(dir)), max_(max) {}
  std::string method() const override { return "backlight"; }
  bool set_on(bool on, std::string& error) override {
    // bl_power: 0 is on, 4 (FB_BLANK_POWERDOWN) is off.
    const bool ok = write_sysfs(dir_ / "bl_power", on ? "0" : "4", error);
    black_ = !ok && !on;
    return ok;
  }
  bool set_brightness(double fraction, std::string& error) override {
    const long value = std::lround(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(max_));
    return write_sysfs(dir_ / "brightness", std::to_string(std::max(value, fraction > 0 ? 1L : 0L)), error);
  }
  bool needs_black_frame() const override { return black_; }

 private:
  fs::path dir_;
  long max_;
  bool black_ = false;
};

class DrmDpms final : public ScreenPower {
 public:
  struct Connector {
    uint32_t id;
    uint32_t dpms_property;
  };
  DrmDpms(int fd, std::vector<Connector> connectors) : fd_(fd), connectors_(std::move(connectors)) {}
  std::string method() const override { return "drm"; }
  bool set_on(bool on, std::string& error) override {
    bool ok = true;
    for (const Connector& c : connectors_) {
      if (drmModeConnectorSetProperty(fd_, c.id, c.dpms_property,
                                      on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) != 0) {
        error = "cannot set DPMS on DRM connector " + std::to_string(c.id) + ": " + std::strerror(errno);
        ok = false;
      }
    }
    black_ = !ok && !on;
    return ok;
  }
  bool set_brightness(double, std::string& error) override {
    error = "DRM has no brightness control for this screen";
    return false;
  }
  bool needs_black_frame() const override { return black_; }

 private:
  int fd_;
  std::vector<Connector> connectors_;
  bool black_ = false;
};

class BlackFrame final : public ScreenPower {
 public:
  std::string method() const override { return "black-frame"; }
  bool set_on(bool, std::string&) override { return true; }
  bool set_brightness(double, std::string& error) override {
    error = "this screen has no brightness control";
    return false;
  }
  bool needs_black_frame() const override { return true; }
};

// Backlight for brightness, both for power: the DSI panel goes dark and the link sleeps.
class Both final : public ScreenPower {
 public:
  Both(std::unique_ptr<ScreenPower> backlight, std::unique_ptr<ScreenPower> drm)
      : backlight_(std::move(backlight)), drm_(std::move(drm)) {}
  std::string method() const override { return "backlight+drm"; }
  bool set_on(bool on, std::string& error) override {
    std::string e1, e2;
    const bool a = backlight_->set_on(on, e1);
    const bool b = drm_->set_on(on, e2);
    if (!a || !b) error = !a ? e1 : e2;
    return a || b;
  }
  bool set_brightness(double fraction, std::string& error) override {
    return backlight_->set_brightness(fraction, error);
  }
  bool needs_black_frame() const override {
    return backlight_->needs_black_frame() && drm_->needs_black_frame();
  }

 private:
  std::unique_ptr<ScreenPower> backlight_, drm_;
};

long read_number(const fs::path& file) {
  std::ifstream in(file);
  long v = -1;
  if (!(in >> v)) return -1;
  return v;
}

int window_drm_fd(SDL_Window* window) {
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
  if (!window) return -1;
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (SDL_GetWindowWMInfo(window, &info) && info.subsystem == SDL_SYSWM_KMSDRM)
    return info.info.kmsdrm.drm_fd;
#else
  (void)window;
#endif
  return -1;
}

}  // namespace

std::unique_ptr<ScreenPower> open_backlight(const std::string& device_dir, std::string& error) {
  const fs::path dir(device_dir);
  const long max = read_number(dir / "max_brightness");
  if (max <= 0) {
    error = device_dir + ": no readable max_brightness";
    return nullptr;
  }
  return std::make_unique<Backlight>(dir, max);
}

std::unique_ptr<ScreenPower> open_drm_dpms(int fd, std::string& error) {
  if (fd < 0) {
    error = "no DRM device (SDL is not on KMSDRM)";
    return nullptr;
  }
  drmModeRes* res = drmModeGetResources(fd);
  if (!res) {
    error = std::string("cannot read the DRM device's resources: ") + std::strerror(errno);
    return nullptr;
  }
  std::vector<DrmDpms::Connector> found;
  for (int i = 0; i < res->count_connectors; ++i) {
    drmModeConnector* conn = drmModeGetConnector(fd, res->connectors[i]);
    if (!conn) continue;
    if (conn->connection == DRM_MODE_CONNECTED) {
      for (int p = 0; p < conn->count_props; ++p) {
        drmModePropertyRes* prop = drmModeGetProperty(fd, conn->props[p]);
        if (!prop) continue;
        if (std::strcmp(prop->name, "DPMS") == 0) found.push_back({conn->connector_id, prop->prop_id});
        drmModeFreeProperty(prop);
      }
    }
    drmModeFreeConnector(conn);
  }
  drmModeFreeResources(res);
  if (found.empty()) {
    error = "no connected DRM connector has a DPMS property";
    return nullptr;
  }
  return std::make_unique<DrmDpms>(fd, std::move(found));
}

std::unique_ptr<ScreenPower> open_screen_power(SDL_Window* window, const std::string& backlight_root) {
  std::unique_ptr<ScreenPower> backlight, drm;
  std::string error;
  std::error_code ec;
  std::vector<fs::path> devices;
  for (const auto& entry : fs::directory_iterator(backlight_root, ec)) devices.push_back(entry.path());
  std::sort(devices.begin(), devices.end());  // the same device every boot
  for (const fs::path& dev : devices) {
    if ((backlight = open_backlight(dev.string(), error))) {
      log::info("screen power: backlight " + dev.string());
      break;
    }
  }
  drm = open_drm_dpms(window_drm_fd(window), error);
  if (drm) log::info("screen power: DPMS on the KMSDRM device");
  if (backlight && drm) return std::make_unique<Both>(std::move(backlight), std::move(drm));
  if (backlight) return backlight;
  if (drm) return drm;
  log::info("screen power: no backlight device and no DRM control; the screen is blanked with black frames");
  return std::make_unique<BlackFrame>();
}

}  // namespace kiosk::sys
