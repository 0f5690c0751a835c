#include "kiosk/core/content/picture_scale.hpp"

#include <algorithm>
#include <cstdint>

namespace kiosk {
namespace {

constexpr int kWeightBits = 14;
constexpr uint32_t kWeightOne = 1u << kWeightBits;

// The source pixels one output pixel covers along an axis, with the share of each.
struct Span {
  int first = 0;
  std::vector<uint32_t> weights;  // sum to kWeightOne
};

std::vector<Span> spans_of(int in, int out) {
  std::vector<Span> spans(static_cast<size_t>(out));
  // Edges in units of 1/out of a source pixel, so every edge is a whole number.
  for (int o = 0; o < out; ++o) {
    const int64_t lo = static_cast<int64_t>(o) * in, hi = static_cast<int64_t>(o + 1) * in;
    Span& s = spans[static_cast<size_t>(o)];
    s.first = static_cast<int>(lo / out);
    const int last = static_cast<int>((hi - 1) / out);
    uint32_t given = 0;
    for (int i = s.first; i <= last; ++i) {
      const int64_t covered =
          std::min(hi, static_cast<int64_t>(i + 1) * out) - std::max(lo, static_cast<int64_t>(i) * out);
      const auto w = static_cast<uint32_t>(covered * kWeightOne / in);
      s.weights.push_back(w);
      given += w;
    }
    // Rounding's remainder to the largest share keeps a flat colour exactly flat.
    *std::max_element(s.weights.begin(), s.weights.end()) += kWeightOne - given;
  }
  return spans;
}

bool has_transparency(const unsigned char* rgba, size_t pixels) {
  for (size_t i = 0; i < pixels; ++i)
    if (rgba[i * 4 + 3] != 255) return true;
  return false;
}

}  // namespace

std::vector<unsigned char> scale_down_rgba(const unsigned char* pixels, int channels, int width, int height,
                                           int out_width, int out_height) {
  const size_t in_pixels = static_cast<size_t>(width) * height;
  const unsigned char* rgba = pixels;
  // Colour weighted by alpha, so a transparent pixel's colour never bleeds into an edge.
  std::vector<unsigned char> premultiplied;
  const bool alpha = channels == 4 && has_transparency(rgba, in_pixels);
  if (alpha) {
    premultiplied.assign(rgba, rgba + in_pixels * 4);
    for (size_t i = 0; i < in_pixels; ++i)
      for (int c = 0; c < 3; ++c)
        premultiplied[i * 4 + c] =
            static_cast<unsigned char>((premultiplied[i * 4 + c] * premultiplied[i * 4 + 3] + 127) / 255);
    rgba = premultiplied.data();
  }
  const std::vector<Span> across = spans_of(width, out_width), down = spans_of(height, out_height);
  const size_t row_values = static_cast<size_t>(out_width) * 4;
  const size_t stride = static_cast<size_t>(width) * channels;
  std::vector<unsigned char> out(row_values * out_height);
  std::vector<uint32_t> row(row_values), sum(row_values);
  for (int oy = 0; oy < out_height; ++oy) {
    const Span& dy = down[static_cast<size_t>(oy)];
    std::fill(sum.begin(), sum.end(), 0u);
    for (size_t k = 0; k < dy.weights.size(); ++k) {
      // One source row averaged across, kept at 16 bits a value: 255 << 8 at most.
      const unsigned char* src = rgba + static_cast<size_t>(dy.first + static_cast<int>(k)) * stride;
      for (int ox = 0; ox < out_width; ++ox) {
        const Span& dx = across[static_cast<size_t>(ox)];
        // Opaque unless the picture has alpha.
        uint32_t v[4] = {0, 0, 0, channels == 4 ? 0 : kWeightOne * 255};
        const unsigned char* p = src + static_cast<size_t>(dx.first) * channels;
        for (size_t j = 0; j < dx.weights.size(); ++j, p += channels)
          for (int c = 0; c < channels; ++c) v[c] += dx.weights[j] * p[c];
        for (int c = 0; c < 4; ++c) row[static_cast<size_t>(ox) * 4 + c] = v[c] >> (kWeightBits - 8);
      }
      const uint32_t wy = dy.weights[k];
      for (size_t i = 0; i < row_values; ++i) sum[i] += wy * row[i];
    }
    unsigned char* dst = out.data() + static_cast<size_t>(oy) * row_values;
    constexpr int shift = kWeightBits + 8;
    for (size_t i = 0; i < row_values; ++i)
      dst[i] = static_cast<unsigned char>(std::min<uint32_t>(255, (sum[i] + (1u << (shift - 1))) >> shift));
  }
  if (alpha) {
    for (size_t i = 0; i < out.size(); i += 4) {
      const unsigned a = out[i + 3];
      for (int c = 0; c < 3; ++c)
        out[i + c] = a == 0 ? 0 : static_cast<unsigned char>(std::min(255u, (out[i + c] * 255u + a / 2) / a));
    }
  }
  return out;
}

}  // namespace kiosk
