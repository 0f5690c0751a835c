#include "kiosk/render/picture_cache.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/log.hpp"

namespace kiosk::render {

PictureCache::PictureCache(SDL_Renderer* renderer, std::size_t budget_bytes)
    : renderer_(renderer), budget_(budget_bytes), thread_([this] { run(); }) {}

PictureCache::~PictureCache() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  for (auto& [path, e] : entries_)
    if (e.texture) SDL_DestroyTexture(e.texture);
}

void PictureCache::reset(const std::filesystem::path& content_dir, int max_width, int max_height) {
  std::lock_guard lock(mu_);
  for (auto& [path, e] : entries_)
    if (e.texture) SDL_DestroyTexture(e.texture);
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
  queue_.clear();
  done_.clear();
  dir_ = content_dir;
  max_w_ = max_width;
  max_h_ = max_height;
  ++generation_;  // decodes already running for the old folder are dropped when they finish
}

ui::Picture PictureCache::get(const std::string& path, ImVec2 box) {
  if (path.empty()) return {nullptr, 0, 0, true};
  // Whole steps of 64 pixels, so a box that changes by a few pixels does not ask again.
  auto step = [](float side, int cap) {
    const int up = (static_cast<int>(std::ceil(std::max(side, 1.0f))) + 63) / 64 * 64;
    return std::min(up, cap);
  };
  const int w = step(box.x, max_w_), h = step(box.y, max_h_);
  auto it = entries_.find(path);
  if (it == entries_.end()) {
    Entry e;
    e.pending = true;
    e.asked_w = w;
    e.asked_h = h;
    lru_.push_front(path);
    e.lru = lru_.begin();
    entries_.emplace(path, e);
    ask(path, w, h);
    return {};
  }
  Entry& e = it->second;
  lru_.splice(lru_.begin(), lru_, e.lru);
  // A bigger box than the picture was shrunk for: a sharper copy replaces it when decoded.
  const bool shrunk = e.width >= e.asked_w - 1 || e.height >= e.asked_h - 1;
  if (e.texture && !e.pending && shrunk && (w > e.asked_w || h > e.asked_h)) {
    e.pending = true;
    e.asked_w = std::max(w, e.asked_w);
    e.asked_h = std::max(h, e.asked_h);
    ask(path, e.asked_w, e.asked_h);
  }
  return {e.texture, e.width, e.height, e.broken};
}

void PictureCache::ask(const std::string& path, int width, int height) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back({path, width, height});
  }
  cv_.notify_one();
}

void PictureCache::run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    const Request request = queue_.front();
    queue_.pop_front();
    const std::string& path = request.path;
    const std::filesystem::path file = dir_ / path;
    const int w = request.width, h = request.height;
    const std::uint64_t generation = generation_;
    ++busy_;
    lock.unlock();
    Decoded d{path, generation, std::nullopt, {}};
    d.image = decode_picture(file, w, h, d.error);
    lock.lock();
    --busy_;
    if (generation == generation_) done_.push_back(std::move(d));
    idle_cv_.notify_all();
  }
}

bool PictureCache::upload_ready() {
  std::deque<Decoded> done;
  {
    std::lock_guard lock(mu_);
    done.swap(done_);
  }
  for (Decoded& d : done) {
    auto it = entries_.find(d.path);
    if (it == entries_.end()) continue;
    Entry& e = it->second;
    e.pending = false;
    if (!d.image) {
      e.broken = !e.texture;  // a sharper copy that fails keeps the one on screen
      log::error(d.error);    // once per picture: the entry remembers it is broken
      continue;
    }
    SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                             d.image->width, d.image->height);
    if (!texture) {
      e.broken = !e.texture;
      log::error("picture '" + d.path + "' could not become a texture: " + SDL_GetError());
      continue;
    }
    if (e.texture) {
      SDL_DestroyTexture(e.texture);
      bytes_ -= e.bytes;
    }
    e.texture = texture;
    SDL_UpdateTexture(e.texture, nullptr, d.image->rgba.data(), d.image->width * 4);
    SDL_SetTextureBlendMode(e.texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(e.texture, SDL_ScaleModeLinear);
    e.width = d.image->width;
    e.height = d.image->height;
    e.bytes = static_cast<std::size_t>(e.width) * e.height * 4;
    bytes_ += e.bytes;
  }
  evict_to_budget();
  return !done.empty();
}

void PictureCache::evict_to_budget() {
  // From the least recently used end; a picture on screen now is the most recent and stays.
  for (auto it = lru_.rbegin(); bytes_ > budget_ && it != lru_.rend();) {
    auto entry = entries_.find(*it);
    if (entry != entries_.end() && entry->second.texture && std::next(it) != lru_.rend()) {
      SDL_DestroyTexture(entry->second.texture);
      bytes_ -= entry->second.bytes;
      lru_.erase(std::next(it).base());
      entries_.erase(entry);
      it = lru_.rbegin();
      continue;
    }
    ++it;
  }
}

void PictureCache::wait_idle() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return queue_.empty() && busy_ == 0; });
}

}  // namespace kiosk::render
