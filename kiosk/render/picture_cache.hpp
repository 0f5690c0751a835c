// Content pictures as textures: decoded on a worker thread (stb_image, scaled down to the box the
// screen fits them into, so a 1600-pixel map shown 600 pixels wide costs a tenth of the memory),
// uploaded on the UI thread between frames, kept within a memory budget (least recently used
// pictures are released). A broken picture is reported once and drawn as a neutral placeholder.
#pragma once
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <SDL.h>

#include "kiosk/core/content/picture_decode.hpp"
#include "kiosk/ui/pictures.hpp"

namespace kiosk::render {

class PictureCache final : public ui::PictureSource {
 public:
  PictureCache(SDL_Renderer* renderer, std::size_t budget_bytes = 24u << 20);
  ~PictureCache() override;
  PictureCache(const PictureCache&) = delete;
  PictureCache& operator=(const PictureCache&) = delete;

  // A new content folder or screen size: forget everything (textures are released).
  void reset(const std::filesystem::path& content_dir, int max_width, int max_height);
  ui::Picture get(const std::string& path, ImVec2 box) override;
  // UI thread, between frames: uploads decoded pictures. True when something became ready.
  bool upload_ready();
  // Blocks until every requested picture is decoded (headless render and replay shots).
  void wait_idle();
  std::size_t bytes_in_use() const { return bytes_; }
  std::size_t budget() const { return budget_; }

 private:
  struct Entry {
    SDL_Texture* texture = nullptr;
    int width = 0, height = 0;
    bool broken = false;
    bool pending = false;
    int asked_w = 0, asked_h = 0;  // the box it was (or is being) decoded for
    std::size_t bytes = 0;
    std::list<std::string>::iterator lru;
  };
  struct Request {
    std::string path;
    int width = 0, height = 0;
  };
  struct Decoded {
    std::string path;
    std::uint64_t generation = 0;
    std::optional<Image> image;
    std::string error;
  };
  void run();
  void evict_to_budget();
  void ask(const std::string& path, int width, int height);

  SDL_Renderer* renderer_;
  std::size_t budget_;
  std::size_t bytes_ = 0;
  std::map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // front: most recently used

  std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::deque<Request> queue_;
  std::deque<Decoded> done_;
  std::filesystem::path dir_;
  int max_w_ = 1920, max_h_ = 1080;
  std::uint64_t generation_ = 0;
  int busy_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace kiosk::render
