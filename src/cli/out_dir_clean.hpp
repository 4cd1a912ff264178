// `checklist --out-dir DIR --clean`: after a rerun, remove the checklist
// files of the previous run that the new index no longer lists (a unit that
// left the documents). Only files qingdan itself wrote are candidates: those
// the previous index of the same format (DIR/index.<format>) lists, read
// before the new run overwrites it. Anything else in DIR — the user's own
// files, other formats' files, subdirectories, symbolic links — is never
// touched. Kept apart from the writing of the directory (checklist_files.cpp)
// so that how the directory is written can change independently.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace qingdan::cli {

// The file names the index in `dir` lists (the "file" column / key), in
// index order; nullopt when `dir` holds no index.<format>. Throws
// std::runtime_error when the index exists but cannot be read.
std::optional<std::vector<std::string>> previous_index_files(const std::string& dir, const std::string& format);

// Removes from `dir` each name of `listed` (a previous index) that `written`
// (this run's files) does not hold, when it is still a plain regular file
// named like a checklist of `format` (NAME.<format>, one path component, not
// the index, not a symbolic link) and is not one of `written` up to ASCII
// case (a case-insensitive file system would map both to one file). Returns
// the names removed; throws std::runtime_error when a removal fails.
std::vector<std::string> remove_stale_files(const std::string& dir, const std::vector<std::string>& listed,
                                            const std::vector<std::string>& written, const std::string& format);

}  // namespace qingdan::cli
