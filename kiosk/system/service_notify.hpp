// systemd's notify protocol without libsystemd: one datagram a message to the AF_UNIX socket named
// by $NOTIFY_SOCKET ("@name" is Linux's abstract namespace). Together with WatchdogPolicy this sends
// READY=1 after the first frame and WATCHDOG=1 while the kiosk is healthy. Outside systemd (no
// socket) every call is a cheap no-op, so the same binary runs on a desktop.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/core/watchdog.hpp"

namespace kiosk::sys {

class NotifySocket {
 public:
  // Reads $NOTIFY_SOCKET; `socket_path` overrides it (tests).
  static NotifySocket from_environment();
  explicit NotifySocket(std::string socket_path);
  ~NotifySocket();
  NotifySocket(NotifySocket&& other) noexcept;
  NotifySocket& operator=(NotifySocket&&) = delete;
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  bool enabled() const { return !path_.empty(); }
  // Sends one message ("READY=1", "WATCHDOG=1\nSTATUS=…"); false with `error` set when it could not.
  bool send(std::string_view message, std::string& error);

 private:
  std::string path_;
  int fd_ = -1;
};

// $WATCHDOG_USEC in seconds when it is meant for this process ($WATCHDOG_PID absent or ours), else 0.
double watchdog_interval_from_environment();

// The run loop's side of the watchdog: asks the policy each turn and sends what it says.
class ServiceNotifier {
 public:
  ServiceNotifier(NotifySocket socket, double watchdog_interval_seconds);
  // Returns what was sent (for logs and tests).
  NotifyMessage tick(double now, std::uint64_t frames_drawn, bool worker_alive, bool screen_asleep = false);
  void stopping();
  void status(std::string_view text);
  bool enabled() const { return socket_.enabled(); }
  const WatchdogPolicy& policy() const { return policy_; }

 private:
  void send(std::string_view message);

  NotifySocket socket_;
  WatchdogPolicy policy_;
  std::string last_error_;  // logged once until a send succeeds again
  const char* last_withheld_ = "";
};

}  // namespace kiosk::sys
