#include "kiosk/system/service_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "kiosk/core/log.hpp"

namespace kiosk::sys {

NotifySocket NotifySocket::from_environment() {
  const char* path = std::getenv("NOTIFY_SOCKET");
  return NotifySocket(path ? path : "");
}

NotifySocket::NotifySocket(std::string socket_path) : path_(std::move(socket_path)) {
  if (path_.empty()) return;
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
}

NotifySocket::~NotifySocket() {
  if (fd_ >= 0) ::close(fd_);
}

NotifySocket::NotifySocket(NotifySocket&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

bool NotifySocket::send(std::string_view message, std::string& error) {
  if (path_.empty()) return true;
  if (fd_ < 0) {
    error = "cannot create a socket for $NOTIFY_SOCKET: " + std::string(std::strerror(errno));
    return false;
  }
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path_.size() >= sizeof addr.sun_path || (path_[0] != '/' && path_[0] != '@')) {
    error = "$NOTIFY_SOCKET is not a socket path: " + path_;
    return false;
  }
  std::memcpy(addr.sun_path, path_.data(), path_.size());
  socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path_.size());
  if (path_[0] == '@')
    addr.sun_path[0] = '\0';  // abstract namespace: no terminating NUL counted
  else
    ++len;
  ssize_t n;
  do {
    n = ::sendto(fd_, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&addr),
                 len);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    error = "cannot notify systemd through " + path_ + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

double watchdog_interval_from_environment() {
  const char* usec = std::getenv("WATCHDOG_USEC");
  if (!usec || !*usec) return 0;
  if (const char* pid = std::getenv("WATCHDOG_PID"); pid && *pid) {
    char* end = nullptr;
    long long p = std::strtoll(pid, &end, 10);
    if (*end != '\0' || p != static_cast<long long>(::getpid())) return 0;  // meant for another process
  }
  char* end = nullptr;
  unsigned long long v = std::strtoull(usec, &end, 10);
  if (*end != '\0' || v == 0) {
    log::warning(std::string("WATCHDOG_USEC is not a number of microseconds: '") + usec +
                 "'; no watchdog pings");
    return 0;
  }
  return static_cast<double>(v) / 1e6;
}

ServiceNotifier::ServiceNotifier(NotifySocket socket, double watchdog_interval_seconds)
    : socket_(std::move(socket)), policy_(WatchdogConfig{watchdog_interval_seconds, 0}) {}

void ServiceNotifier::send(std::string_view message) {
  std::string error;
  if (socket_.send(message, error)) {
    last_error_.clear();
    return;
  }
  if (error != last_error_) log::warning(error);
  last_error_ = error;
}

NotifyMessage ServiceNotifier::tick(double now, std::uint64_t frames_drawn, bool worker_alive,
                                    bool screen_asleep) {
  if (!socket_.enabled()) return NotifyMessage::none;
  NotifyMessage m = policy_.observe(now, frames_drawn, worker_alive, screen_asleep);
  if (m == NotifyMessage::ready) send("READY=1\nSTATUS=showing the first frame");
  if (m == NotifyMessage::watchdog) send("WATCHDOG=1");
  const char* reason = policy_.withheld_reason();
  if (*reason && std::strcmp(reason, last_withheld_) != 0)
    log::warning(std::string("watchdog ping withheld: ") + reason +
                 "; systemd restarts the kiosk if this lasts");
  last_withheld_ = reason;
  return m;
}

void ServiceNotifier::stopping() {
  send("STOPPING=1");
}

void ServiceNotifier::status(std::string_view text) {
  send("STATUS=" + std::string(text));
}

}  // namespace kiosk::sys
