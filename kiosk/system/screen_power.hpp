// Turning the screen off and on and setting its brightness, behind one small interface, for the
// screen schedule and the admin view. What is available decides how:
//   backlight    /sys/class/backlight/* (the official 7-inch DSI display): brightness and bl_power
//   drm          the DPMS property of the connected connectors, on SDL's KMSDRM file descriptor
//   black-frame  neither: the app draws black (an LCD still glows, but nothing is shown)
// Each is tried; a failure is one log line and the next way is used. Callers never #ifdef.
#pragma once
#include <memory>
#include <string>

#include <SDL.h>

namespace kiosk::sys {

class ScreenPower {
 public:
  virtual ~ScreenPower() = default;
  // "backlight", "drm", "backlight+drm" or "black-frame": for logs, metrics and the admin view.
  virtual std::string method() const = 0;
  // False with `error` set when no way worked; the app then draws black while "off".
  virtual bool set_on(bool on, std::string& error) = 0;
  // 0..1; false when the screen's brightness cannot be set here.
  virtual bool set_brightness(double fraction, std::string& error) = 0;
  // True when "off" must be shown by drawing black frames (no hardware way, or it failed).
  virtual bool needs_black_frame() const = 0;
};

// A backlight device folder (brightness, max_brightness, bl_power), or null when it is not one.
std::unique_ptr<ScreenPower> open_backlight(const std::string& device_dir, std::string& error);
// DPMS on the connected connectors of a DRM device we are master of; null when there is none.
std::unique_ptr<ScreenPower> open_drm_dpms(int drm_fd, std::string& error);

// Everything this screen offers: the first backlight under `backlight_root`, the window's DRM
// device when SDL runs on KMSDRM, else black frames. Logs one line saying what it found.
std::unique_ptr<ScreenPower> open_screen_power(SDL_Window* window,
                                               const std::string& backlight_root = "/sys/class/backlight");

}  // namespace kiosk::sys
