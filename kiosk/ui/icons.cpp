#include "kiosk/ui/icons.hpp"

#include <cmath>

namespace kiosk::ui {
namespace {

constexpr float kPi = 3.14159265f;

ImVec2 at(ImVec2 c, float s, float x, float y) {
  return ImVec2(c.x + x * s, c.y + y * s);
}

void wave(ImDrawList* dl, ImVec2 c, float s, float y, float width, ImU32 col, float thick) {
  const int n = 16;
  for (int i = 0; i <= n; ++i) {
    float t = static_cast<float>(i) / n;
    float x = -width / 2 + t * width;
    dl->PathLineTo(at(c, s, x, y + 0.07f * std::sin(t * 2 * kPi * 1.5f)));
  }
  dl->PathStroke(col, 0, thick);
}

}  // namespace

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float size, ImU32 col) {
  const float s = size;  // coordinates below are in units of the icon size, centred on 0
  const float t = std::max(1.5f, size * 0.075f);
  switch (icon) {
    case Icon::home:
      dl->AddTriangleFilled(at(c, s, -0.45f, -0.02f), at(c, s, 0, -0.42f), at(c, s, 0.45f, -0.02f), col);
      dl->AddRectFilled(at(c, s, -0.32f, -0.04f), at(c, s, 0.32f, 0.4f), col);
      break;
    case Icon::air:
      for (int i = 0; i < 3; ++i) {
        float y = -0.25f + i * 0.25f;
        float w = i == 1 ? 0.8f : 0.6f;
        dl->AddLine(at(c, s, -0.4f, y), at(c, s, -0.4f + w - 0.12f, y), col, t);
        dl->PathArcTo(at(c, s, -0.4f + w - 0.12f, y - 0.1f), 0.1f * s, kPi / 2, -kPi, 10);
        dl->PathStroke(col, 0, t);
      }
      break;
    case Icon::water:
      dl->PathLineTo(at(c, s, 0, -0.45f));
      dl->PathArcTo(at(c, s, 0, 0.12f), 0.3f * s, -0.2f * kPi, 1.2f * kPi, 20);
      dl->PathFillConvex(col);
      break;
    case Icon::bay:
      dl->AddCircleFilled(at(c, s, 0.18f, -0.22f), 0.17f * s, col, 20);
      wave(dl, c, s, 0.08f, 0.9f, col, t);
      wave(dl, c, s, 0.3f, 0.9f, col, t);
      break;
    case Icon::waste:
      dl->AddRectFilled(at(c, s, -0.38f, -0.36f), at(c, s, 0.38f, -0.26f), col, 0.03f * s);
      dl->AddRectFilled(at(c, s, -0.1f, -0.44f), at(c, s, 0.1f, -0.36f), col);
      dl->AddQuadFilled(at(c, s, -0.3f, -0.2f), at(c, s, 0.3f, -0.2f), at(c, s, 0.24f, 0.44f),
                        at(c, s, -0.24f, 0.44f), col);
      break;
    case Icon::travel:
    case Icon::bike:
      dl->AddCircle(at(c, s, -0.26f, 0.16f), 0.2f * s, col, 20, t);
      dl->AddCircle(at(c, s, 0.26f, 0.16f), 0.2f * s, col, 20, t);
      dl->PathLineTo(at(c, s, -0.26f, 0.16f));
      dl->PathLineTo(at(c, s, -0.06f, -0.16f));
      dl->PathLineTo(at(c, s, 0.16f, -0.16f));
      dl->PathLineTo(at(c, s, 0.26f, 0.16f));
      dl->PathStroke(col, 0, t);
      dl->AddLine(at(c, s, -0.06f, -0.16f), at(c, s, 0.02f, 0.16f), col, t);
      dl->AddLine(at(c, s, -0.12f, -0.26f), at(c, s, 0.0f, -0.26f), col, t);
      dl->AddLine(at(c, s, 0.16f, -0.16f), at(c, s, 0.12f, -0.28f), col, t);
      break;
    case Icon::dock:
      dl->AddRect(at(c, s, -0.32f, -0.3f), at(c, s, 0.32f, 0.3f), col, 0.08f * s, 0, t);
      dl->AddLine(at(c, s, 0, -0.3f), at(c, s, 0, 0.3f), col, t);
      break;
    case Icon::recyclable:
      for (int i = 0; i < 3; ++i) {
        float a0 = -kPi / 2 + i * 2 * kPi / 3 + 0.25f;
        float a1 = a0 + 2 * kPi / 3 - 0.5f;
        dl->PathArcTo(c, 0.32f * s, a0, a1, 12);
        dl->PathStroke(col, 0, t * 1.2f);
        ImVec2 tip(c.x + std::cos(a1) * 0.32f * s, c.y + std::sin(a1) * 0.32f * s);
        ImVec2 dir(-std::sin(a1), std::cos(a1));
        ImVec2 out(std::cos(a1), std::sin(a1));
        dl->AddTriangleFilled(ImVec2(tip.x + dir.x * 0.14f * s, tip.y + dir.y * 0.14f * s),
                              ImVec2(tip.x + out.x * 0.1f * s, tip.y + out.y * 0.1f * s),
                              ImVec2(tip.x - out.x * 0.1f * s, tip.y - out.y * 0.1f * s), col);
      }
      break;
    case Icon::hazardous:
      dl->AddTriangle(at(c, s, 0, -0.4f), at(c, s, 0.42f, 0.34f), at(c, s, -0.42f, 0.34f), col, t * 1.2f);
      dl->AddLine(at(c, s, 0, -0.14f), at(c, s, 0, 0.1f), col, t * 1.4f);
      dl->AddCircleFilled(at(c, s, 0, 0.22f), t * 0.9f, col);
      break;
    case Icon::kitchen:  // a leaf
      dl->PathArcTo(at(c, s, -0.18f, 0.18f), 0.5f * s, -kPi * 0.5f, 0.0f, 16);
      dl->PathArcTo(at(c, s, 0.18f, -0.18f), 0.5f * s, kPi * 0.5f, kPi, 16);
      dl->PathFillConvex(col);
      dl->AddLine(at(c, s, -0.36f, 0.36f), at(c, s, 0.1f, -0.1f), IM_COL32(255, 255, 255, 200), t);
      break;
    case Icon::other:  // a bin with a lid, outlined
      dl->AddLine(at(c, s, -0.38f, -0.3f), at(c, s, 0.38f, -0.3f), col, t * 1.3f);
      dl->AddQuad(at(c, s, -0.28f, -0.2f), at(c, s, 0.28f, -0.2f), at(c, s, 0.22f, 0.42f),
                  at(c, s, -0.22f, 0.42f), col, t * 1.2f);
      dl->AddLine(at(c, s, -0.08f, -0.08f), at(c, s, -0.06f, 0.3f), col, t);
      dl->AddLine(at(c, s, 0.08f, -0.08f), at(c, s, 0.06f, 0.3f), col, t);
      break;
    case Icon::language: {
      // A globe (meridians and parallels), the sign for language everywhere; the old circle with one
      // line through it read as "no entry".
      const float r = 0.4f * s;
      dl->AddCircle(c, r, col, 28, t);
      dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), col, t);
      for (int i = 0; i <= 24; ++i) {  // a meridian: an ellipse half as wide as the globe
        const float a = kPi * 2 * static_cast<float>(i) / 24;
        dl->PathLineTo(ImVec2(c.x + std::cos(a) * r * 0.5f, c.y + std::sin(a) * r));
      }
      dl->PathStroke(col, 0, t * 0.9f);
      dl->AddLine(at(c, s, -0.4f, 0), at(c, s, 0.4f, 0), col, t);
      const float py = 0.2f * s, px = std::sqrt(r * r - py * py);
      dl->AddLine(ImVec2(c.x - px, c.y - py), ImVec2(c.x + px, c.y - py), col, t * 0.9f);
      dl->AddLine(ImVec2(c.x - px, c.y + py), ImVec2(c.x + px, c.y + py), col, t * 0.9f);
      break;
    }
    case Icon::game:  // an item dropping into a bin
      dl->AddRectFilled(at(c, s, -0.11f, -0.46f), at(c, s, 0.11f, -0.24f), col, 0.03f * s);
      dl->AddTriangleFilled(at(c, s, -0.12f, -0.18f), at(c, s, 0.12f, -0.18f), at(c, s, 0, -0.05f), col);
      dl->AddQuad(at(c, s, -0.34f, 0.0f), at(c, s, 0.34f, 0.0f), at(c, s, 0.27f, 0.44f),
                  at(c, s, -0.27f, 0.44f), col, t * 1.2f);
      break;
    case Icon::quiz:  // a question mark in a speech bubble
      dl->AddCircle(at(c, s, 0, -0.04f), 0.4f * s, col, 28, t);
      dl->AddTriangleFilled(at(c, s, -0.3f, 0.22f), at(c, s, -0.08f, 0.34f), at(c, s, -0.4f, 0.46f), col);
      dl->PathArcTo(at(c, s, 0, -0.13f), 0.13f * s, -kPi, kPi * 0.45f, 12);
      dl->PathLineTo(at(c, s, 0, 0.09f));
      dl->PathStroke(col, 0, t * 1.1f);
      dl->AddCircleFilled(at(c, s, 0, 0.2f), t * 0.8f, col);
      break;
    case Icon::back:
      dl->AddLine(at(c, s, 0.3f, 0), at(c, s, -0.3f, 0), col, t * 1.3f);
      dl->AddLine(at(c, s, -0.3f, 0), at(c, s, -0.05f, -0.25f), col, t * 1.3f);
      dl->AddLine(at(c, s, -0.3f, 0), at(c, s, -0.05f, 0.25f), col, t * 1.3f);
      break;
  }
}

Icon category_icon(std::string_view id) {
  if (id == "recyclable") return Icon::recyclable;
  if (id == "hazardous") return Icon::hazardous;
  if (id == "kitchen") return Icon::kitchen;
  return Icon::other;
}

void check_mark(ImDrawList* dl, ImVec2 c, float size, ImU32 col) {
  const float t = std::max(2.0f, size * 0.14f);
  dl->PathLineTo(ImVec2(c.x - size * 0.38f, c.y + size * 0.02f));
  dl->PathLineTo(ImVec2(c.x - size * 0.12f, c.y + size * 0.3f));
  dl->PathLineTo(ImVec2(c.x + size * 0.4f, c.y - size * 0.3f));
  dl->PathStroke(col, 0, t);
}

void cross_mark(ImDrawList* dl, ImVec2 c, float size, ImU32 col) {
  const float t = std::max(2.0f, size * 0.14f), r = size * 0.32f;
  dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col, t);
  dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), col, t);
}

void draw_level_icon(ImDrawList* dl, ImVec2 c, float size, int level, ImU32 col) {
  const float r = size / 2;
  const float t = std::max(1.2f, size * 0.09f);
  dl->AddCircle(c, r - t / 2, col, 24, t);
  dl->AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.2f), t * 0.8f, col);
  dl->AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.2f), t * 0.8f, col);
  // Mouth: a smile for levels 1-2, flat for 3, a frown that deepens for 4-6.
  const float curve = level <= 1 ? 0.28f : level == 2 ? 0.14f : level == 3 ? 0.0f : -0.1f * (level - 3);
  const float y = c.y + r * 0.32f;
  const int n = 10;
  for (int i = 0; i <= n; ++i) {
    float u = static_cast<float>(i) / n * 2 - 1;
    dl->PathLineTo(ImVec2(c.x + u * r * 0.42f, y + (1 - u * u) * curve * r - (curve < 0 ? curve * r : 0)));
  }
  dl->PathStroke(col, 0, t);
}

}  // namespace kiosk::ui
