// Writing files so that a power cut or kill -9 leaves either the old file or the new one, never
// a mix: write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
#pragma once
#include <string>
#include <string_view>

namespace kiosk {

// `mode`: the new file's permissions, set before it gets its name (0600 for text residents typed or a
// PIN lockout; 0644 for what others must read, such as the metrics file).
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error,
                           unsigned mode = 0644);

}  // namespace kiosk
