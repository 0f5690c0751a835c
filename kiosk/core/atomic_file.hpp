// Writing files so that a power cut or kill -9 leaves either the old file or the new one, never
// a mix: write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
#pragma once
#include <string>
#include <string_view>

namespace kiosk {

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace kiosk
