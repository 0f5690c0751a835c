// An in-process HTTP server on 127.0.0.1 (port chosen by the system) that serves fixtures and the fault
// modes the fetcher must survive: delay, drip, errors, Retry-After, ETag/304, truncation, HTML, big
// bodies, redirect loops, pagination. Every handler ends by itself or when the server stops.
#pragma once
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace kiosk::test {

class LoopbackServer {
 public:
  LoopbackServer() { port_ = server_.bind_to_any_port("127.0.0.1"); }
  // Routes are registered before start(): httplib's route table is not safe to change while serving.
  void start() {
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 200 && !server_.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~LoopbackServer() {
    stopping = true;
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  httplib::Server& server() { return server_; }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  // Sleeps up to `seconds` but returns early when the server is stopping (so tests end promptly).
  void nap(double seconds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!stopping && std::chrono::steady_clock::now() < end)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  std::atomic<bool> stopping{false};

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

// A port on which nothing listens: bound without listening, read back, closed.
inline int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace kiosk::test
