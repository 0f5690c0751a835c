// placeholder until the data layer lands
namespace kiosk { void data_layer_placeholder() {} }
