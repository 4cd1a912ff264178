// Output files are written atomically: a temporary file in the same
// directory, then rename, so a failed run never leaves half a file.
#pragma once

#include <string>
#include <string_view>

namespace qingdan {

// Throws std::runtime_error naming the path on failure.
void write_file_atomic(const std::string& path, std::string_view data);

}  // namespace qingdan
