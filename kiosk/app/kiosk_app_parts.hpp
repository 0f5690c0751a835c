// Small parts of KioskApp's state that change together, as plain structs: the class then reads as a
// short list of parts (kiosk_app.hpp).
#pragma once
#include <cstdint>
#include <string>

#include "kiosk/app/full_picture_check.hpp"

namespace kiosk {

// The frame loop's bookkeeping (kiosk_app_frame.cpp).
struct FrameLoop {
  long long last_minute = -1;      // the clock's minute at the last frame: a new one redraws
  double last_time = 0;            // monotonic seconds at the last frame, for ImGui's delta time
  std::uint64_t drawn = 0;         // frames built (the soak test counts them)
  bool rasterize = true;           // headless runs rasterise only the frames they save
  bool redraw_for_glyphs = false;  // this frame lacked glyphs: it is drawn again, not shown
  bool glyph_last_pass = false;    // the frame being drawn is shown whatever it lacks
  double fade_start = -10;         // attract mode's cross-fade between screens started here
  bool burn_in_shift = false;      // live kiosks move the picture a few pixels every ten minutes
};

// What the app knows of the content's problems, for the --editor strip, the log and `kiosk render`.
struct ContentReport {
  std::string notice;              // content problems, for the editor view; empty when none
  int errors = 0;                  // in the pack given at start, pictures decoded in full included
  std::uint64_t rejected = 0;      // packs refused since the start (a fallback shown, a reload refused)
  FullPictureCheck picture_check;  // the start's full decode of every picture, on a worker
};

}  // namespace kiosk
