// placeholder until the render layer lands
namespace kiosk { void render_layer_placeholder() {} }
