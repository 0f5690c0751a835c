// How screens ask for content pictures without doing any I/O: a source that answers at once with
// a texture, or "not ready" (a placeholder is drawn) or "broken" (a placeholder stays).
#pragma once
#include <string>

#include <imgui.h>

namespace kiosk::ui {

struct Picture {
  ImTextureID texture = nullptr;  // null until ready
  int width = 0, height = 0;      // of the texture, after scaling down
  bool broken = false;
};

class PictureSource {
 public:
  virtual ~PictureSource() = default;
  // Path relative to the content folder; `box` is the size in pixels it will be fitted into, so the
  // source may keep it at that size rather than its own. Never blocks; asks for the picture (or a
  // sharper copy, when the box has grown) to be loaded if needed.
  virtual Picture get(const std::string& path, ImVec2 box) = 0;
};

}  // namespace kiosk::ui
