#include "kiosk/render/display.hpp"

#include <optional>

#include "kiosk/core/atomic_file.hpp"
#include "kiosk/render/png_encode.hpp"

namespace kiosk::render {
namespace {

class WindowDisplay final : public Display {
 public:
  WindowDisplay(SDL_Window* window, SDL_Renderer* renderer, int rotation)
      : window_(window), renderer_(renderer), rotation_(rotation) {
    if (rotation_ != 0) use_target();
  }
  ~WindowDisplay() override {
    if (target_) SDL_DestroyTexture(target_);
    SDL_DestroyRenderer(renderer_);
    SDL_DestroyWindow(window_);
  }
  SDL_Renderer* renderer() const override { return renderer_; }
  int width() const override {
    if (rotation_ != 0) return target_w_;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    return w;
  }
  int height() const override {
    if (rotation_ != 0) return target_h_;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    return h;
  }
  void present() override {
    if (rotation_ == 0 || !target_) {
      SDL_RenderPresent(renderer_);
      return;
    }
    // The frame was drawn upright into the target; it goes onto the panel turned.
    SDL_SetRenderTarget(renderer_, nullptr);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(renderer_, &ow, &oh);
    const SDL_Rect dst{(ow - target_w_) / 2, (oh - target_h_) / 2, target_w_, target_h_};
    SDL_RenderCopyEx(renderer_, target_, nullptr, &dst, rotation_, nullptr, SDL_FLIP_NONE);
    SDL_RenderPresent(renderer_);
    use_target();
  }
  void to_drawing(int& x, int& y) const override {
    if (rotation_ == 0) return;
    int ww = 0, wh = 0;
    SDL_GetWindowSize(window_, &ww, &wh);
    turned_to_upright(rotation_, ww, wh, x, y);
    // Window coordinates to drawing pixels (a high-DPI panel has more pixels than coordinates).
    const bool turned = rotation_ == 90 || rotation_ == 270;
    const int lw = turned ? wh : ww, lh = turned ? ww : wh;
    if (lw > 0 && lh > 0) {
      x = x * target_w_ / lw;
      y = y * target_h_ / lh;
    }
  }

 private:
  // Draws go into a texture the panel's size turned; made again when the panel's size changes.
  void use_target() {
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(renderer_, &ow, &oh);
    const bool turned = rotation_ == 90 || rotation_ == 270;
    const int w = turned ? oh : ow, h = turned ? ow : oh;
    if (!target_ || w != target_w_ || h != target_h_) {
      if (target_) SDL_DestroyTexture(target_);
      target_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
      target_w_ = w;
      target_h_ = h;
    }
    SDL_SetRenderTarget(renderer_, target_);
  }

  SDL_Window* window_;
  SDL_Renderer* renderer_;
  int rotation_;
  SDL_Texture* target_ = nullptr;
  int target_w_ = 0, target_h_ = 0;
};

}  // namespace

void turned_to_upright(int rotation, int width, int height, int& x, int& y) {
  const int a = x - width / 2, b = y - height / 2;  // from the panel's centre
  switch (rotation) {
    case 90:  // the picture's top is at the panel's right
      x = height / 2 + b;
      y = width / 2 - a;
      break;
    case 180:
      x = width - 1 - x;
      y = height - 1 - y;
      break;
    case 270:  // the picture's top is at the panel's left
      x = height / 2 - b;
      y = width / 2 + a;
      break;
    default:
      break;
  }
}

int Display::max_texture_side() const {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(renderer(), &info) != 0) return 2048;
  int side =
      info.max_texture_width < info.max_texture_height ? info.max_texture_width : info.max_texture_height;
  return side > 0 ? side : 16384;  // the software renderer reports no limit
}

std::unique_ptr<Display> open_window(const WindowOptions& options, std::string& error) {
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen)
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  else
    flags |= SDL_WINDOW_RESIZABLE;
  SDL_Window* window = SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                        options.width, options.height, flags);
  if (!window) {
    error = std::string("no display could be opened (") + SDL_GetError() +
            "); to draw screens without a display use `kiosk render --out DIR`";
    return nullptr;
  }
  Uint32 renderer_flags = SDL_RENDERER_ACCELERATED | (options.vsync ? SDL_RENDERER_PRESENTVSYNC : 0) |
                          (options.rotation != 0 ? SDL_RENDERER_TARGETTEXTURE : 0);
  SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, renderer_flags);
  if (!renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer) {
    error = std::string("no renderer for the display (") + SDL_GetError() +
            "); to draw screens without a display use `kiosk render --out DIR`";
    SDL_DestroyWindow(window);
    return nullptr;
  }
  return std::make_unique<WindowDisplay>(window, renderer, options.rotation);
}

std::unique_ptr<HeadlessDisplay> HeadlessDisplay::create(int width, int height, std::string& error) {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!surface) {
    error = std::string("cannot create a ") + std::to_string(width) + "x" + std::to_string(height) +
            " surface: " + SDL_GetError();
    return nullptr;
  }
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  if (!renderer) {
    error = std::string("cannot create the software renderer: ") + SDL_GetError();
    SDL_FreeSurface(surface);
    return nullptr;
  }
  return std::unique_ptr<HeadlessDisplay>(new HeadlessDisplay(surface, renderer));
}

HeadlessDisplay::~HeadlessDisplay() {
  SDL_DestroyRenderer(renderer_);
  SDL_FreeSurface(surface_);
}

bool HeadlessDisplay::save_png(const std::string& path, std::string& error) const {
  SDL_LockSurface(surface_);
  const std::optional<std::string> png =
      encode_png_rgb({static_cast<const unsigned char*>(surface_->pixels), surface_->w, surface_->h,
                      static_cast<size_t>(surface_->pitch)});
  SDL_UnlockSurface(surface_);
  if (!png) {
    error = "cannot encode " + path + " as PNG";
    return false;
  }
  return write_file_atomically(path, *png, error);
}

}  // namespace kiosk::render
