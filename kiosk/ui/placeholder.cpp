// placeholder until the ui layer lands
namespace kiosk { void ui_layer_placeholder() {} }
