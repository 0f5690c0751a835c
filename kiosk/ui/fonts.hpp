// The fonts screens draw with, by role. Filled by the render layer once the atlas is built.
#pragma once
#include <imgui.h>

namespace kiosk::ui {

struct FontSet {
  ImFont* small = nullptr;  // captions, ages, sources
  ImFont* body = nullptr;   // most text
  ImFont* large = nullptr;  // tile headings, buttons
  ImFont* title = nullptr;  // screen titles
  ImFont* huge = nullptr;   // the AQI number: digits and Latin only
};

// Pixel sizes at 1920x1080; multiplied by the layout scale.
struct FontSizes {
  float small = 24;
  float body = 30;
  float large = 38;
  float title = 50;
  float huge = 120;
};

}  // namespace kiosk::ui
