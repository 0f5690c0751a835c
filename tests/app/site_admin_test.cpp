// The admin PIN belongs to the operator, not the content: /etc/kiosk/kiosk.toml overrides the pack key
// by key, a locked-down kiosk refuses the demo PIN and short PINs and says why, and a lockout outlives a
// restart.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "kiosk/app/admin_mode.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/health_metrics.hpp"
#include "kiosk/system/pin_hash.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

constexpr const char* kDemoHash = "$y$j9T$2aE4ylK2erd5p0eV6S2th0$HEpogL1EfkpV8I7/eNHzMwfj/AZW278AsHis9OTJLk7";

std::string hash(const std::string& pin) {
  std::string error;
  auto h = sys::hash_pin(pin, error);
  EXPECT_TRUE(h) << error;
  return h.value_or("");
}

// Opens the keypad and types `pin`; returns whether the view opened.
bool type_pin(AdminMode& admin, ui::AdminView& view, const std::string& pin, double now) {
  view.mode = ui::AdminView::Mode::pin;
  for (char c : pin) admin.key({ui::AdminKey::Kind::digit, c - '0'}, now, view);
  admin.key({ui::AdminKey::Kind::enter}, now, view);
  return view.mode == ui::AdminView::Mode::open;
}

TEST(AdminPin, LockedDownKioskRefusesTheDemoPinAndSaysWhy) {
  AdminMode admin;
  admin.set_locked_down(true);
  admin.configure(kDemoHash);
  EXPECT_FALSE(admin.available());
  EXPECT_NE(admin.unavailable_reason().find("demo PIN (2468) is refused"), std::string::npos);
  HealthReport r;
  r.admin_available = admin.available();
  r.admin_unavailable_reason = admin.unavailable_reason();
  EXPECT_NE(format_prometheus(r).find("kiosk_admin_available{reason=\"the demo PIN (2468) is refused"),
            std::string::npos)
      << format_prometheus(r);
}

TEST(AdminPin, LockedDownKioskWithoutAPinHasNoAdminView) {
  AdminMode admin;
  admin.set_locked_down(true);
  admin.configure("");
  EXPECT_FALSE(admin.available());
  EXPECT_NE(admin.unavailable_reason().find("no admin PIN is set in /etc/kiosk/kiosk.toml"),
            std::string::npos);
}

TEST(AdminPin, AWindowWithoutAPinOpensWithTheDemoPin) {
  AdminMode admin;
  admin.configure("");
  ASSERT_TRUE(admin.available());
  EXPECT_TRUE(admin.uses_demo_pin());
  ui::AdminView view;
  EXPECT_TRUE(type_pin(admin, view, "2468", 1));
}

TEST(AdminPin, LockedDownKioskRefusesAShortPinEvenWhenItMatches) {
  AdminMode admin;
  admin.set_locked_down(true);
  admin.configure(hash("1357"));
  ASSERT_TRUE(admin.available());
  ui::AdminView view;
  EXPECT_FALSE(type_pin(admin, view, "1357", 1));
  EXPECT_TRUE(view.wrong_pin);
  admin.configure(hash("135790"));
  EXPECT_TRUE(type_pin(admin, view, "135790", 2));
}

TEST(AdminPin, LockoutSurvivesARestart) {
  test::TempDir dir;
  const std::string file = dir / "admin-lockout";
  const std::string pin_hash = hash("246813");
  {
    AdminMode before;
    before.set_locked_down(true);
    before.configure(pin_hash);
    before.keep_lockout_in(file, 100);
    ui::AdminView view;
    for (int i = 0; i < PinGuardConfig{}.max_failures; ++i) type_pin(before, view, "000000", 100);
    EXPECT_GT(view.locked_seconds, 0);
  }
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  AdminMode after;  // a new process: the monotonic clock starts elsewhere
  after.set_locked_down(true);
  after.configure(pin_hash);
  after.keep_lockout_in(file, 5);
  ui::AdminView view;
  EXPECT_FALSE(type_pin(after, view, "246813", 10));  // still locked
  EXPECT_TRUE(type_pin(after, view, "246813", 5 + PinGuardConfig{}.lock_seconds + 1));
}

TEST(SiteFile, OverridesThePacksSettingsKeyByKey) {
  test::TempDir dir;
  const std::string site = dir / "kiosk.toml";
  const std::string pin_hash = hash("864213");
  std::ofstream(site) << "[admin]\npin_hash = \"" << pin_hash
                      << "\"\n[metrics]\npath = \"/run/site.prom\"\n[schedule]\nmonday = \"08:00-20:00\"\n";
  set_site_file(site);
  ContentLoad with_site = load_content(KIOSK_CONTENT_DIR, PictureCheck::header);
  set_site_file("");
  ContentLoad pack_only = load_content(KIOSK_CONTENT_DIR, PictureCheck::header);
  ASSERT_FALSE(with_site.diags.has_errors()) << with_site.diags.items().front().format();
  EXPECT_EQ(with_site.pack.settings.admin_pin_hash, pin_hash);
  EXPECT_EQ(with_site.pack.settings.metrics_path, "/run/site.prom");
  EXPECT_TRUE(with_site.pack.settings.schedule.enabled);
  EXPECT_EQ(pack_only.pack.settings.admin_pin_hash, "");  // the demo pack carries no PIN
  // Everything the editors own is the pack's.
  EXPECT_EQ(with_site.pack.version, pack_only.pack.version);
  EXPECT_EQ(with_site.pack.settings.screens, pack_only.pack.settings.screens);
  EXPECT_EQ(with_site.pack.settings.idle_seconds, pack_only.pack.settings.idle_seconds);
}

TEST(SiteFile, AMistakeInItIsNamedWithItsPath) {
  test::TempDir dir;
  const std::string site = dir / "kiosk.toml";
  std::ofstream(site) << "[admin]\npin_hash = \"2468\"\n";
  set_site_file(site);
  ContentLoad load = load_content(KIOSK_CONTENT_DIR, PictureCheck::header);
  set_site_file("");
  ASSERT_TRUE(load.diags.has_errors());
  EXPECT_NE(load.diags.items().front().format().find("not a PIN hash"), std::string::npos)
      << load.diags.items().front().format();
}

}  // namespace
}  // namespace kiosk
