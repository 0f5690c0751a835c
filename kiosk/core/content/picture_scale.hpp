// Scaling a picture down by area averaging: each output pixel is the mean of the source area it
// covers, in whole-number arithmetic. A map with thin lines and labels stays legible, no pixel is
// skipped, and it takes a few milliseconds where a general float resampler took tens (and far more
// on a Pi, or under qemu in CI).
#pragma once
#include <vector>

namespace kiosk {

// `pixels` holds width * height pixels of `channels` bytes: RGB (3) or straight, not premultiplied,
// RGBA (4). The result is RGBA; out_width <= width and out_height <= height. Transparent pixels lend no
// colour to their neighbours.
std::vector<unsigned char> scale_down_rgba(const unsigned char* pixels, int channels, int width, int height,
                                           int out_width, int out_height);

}  // namespace kiosk
