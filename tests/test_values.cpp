#include <catch2/catch.hpp>

#include "qingdan/values.hpp"

TEST_CASE("values stub", "[values]") { CHECK(qingdan::parse_number("16") == 16.0); }
