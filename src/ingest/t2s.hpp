// Traditional -> Simplified (private to the ingest stage; to_simplified and
// looks_traditional themselves are declared in normalise.hpp).
#pragma once

#include <string>

namespace qingdan {

// Which converter to_simplified() uses: "opencc", "icu" or "none" (nothing
// could be loaded). Loads the converter on first use.
const std::string& to_simplified_engine();

}  // namespace qingdan
