// Where frames go: a window (fullscreen on a kiosk, windowed on a desktop) or an off-screen
// surface drawn by SDL's software renderer, for PNGs with no display and no GPU.
#pragma once
#include <memory>
#include <string>

#include <SDL.h>

namespace kiosk::render {

class Display {
 public:
  virtual ~Display() = default;
  virtual SDL_Renderer* renderer() const = 0;
  virtual int width() const = 0;  // in drawing pixels
  virtual int height() const = 0;
  virtual void present() = 0;
  // A pointer position from SDL (window coordinates) to drawing coordinates: differs on a rotated screen.
  virtual void to_drawing(int& /*x*/, int& /*y*/) const {}
  // Largest texture side the renderer accepts (the font atlas must fit).
  int max_texture_side() const;
};

struct WindowOptions {
  bool fullscreen = true;
  int width = 1280, height = 800;  // windowed size
  bool vsync = true;
  // Clockwise rotation of the picture on the panel: 0, 90, 180 or 270 (a panel mounted in portrait or
  // upside down, where the system cannot rotate it, as on the console).
  int rotation = 0;
};

// A point on a panel of width x height (as mounted) showing a picture turned clockwise by `rotation`
// degrees, to the same point in the upright picture.
void turned_to_upright(int rotation, int width, int height, int& x, int& y);

// Needs SDL_INIT_VIDEO. On failure `error` is one line saying why and pointing to `kiosk render`.
std::unique_ptr<Display> open_window(const WindowOptions& options, std::string& error);

class HeadlessDisplay final : public Display {
 public:
  static std::unique_ptr<HeadlessDisplay> create(int width, int height, std::string& error);
  ~HeadlessDisplay() override;
  SDL_Renderer* renderer() const override { return renderer_; }
  int width() const override { return surface_->w; }
  int height() const override { return surface_->h; }
  void present() override {}
  const SDL_Surface* surface() const { return surface_; }
  // Writes the current frame atomically (temporary file, then rename): never a half-written PNG.
  bool save_png(const std::string& path, std::string& error) const;

 private:
  HeadlessDisplay(SDL_Surface* surface, SDL_Renderer* renderer) : surface_(surface), renderer_(renderer) {}
  SDL_Surface* surface_;
  SDL_Renderer* renderer_;
};

}  // namespace kiosk::render
