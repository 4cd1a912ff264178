// A streaming JSON writer for the compile output (private header).
//
// `qingdan compile` used to build an nlohmann::ordered_json tree of every
// document and dump it: that cost as much as compiling. This writer appends
// the same bytes straight to a string — the same layout as nlohmann's
// dump(2) (or dump(-1) when compact), the same string escaping, the same
// number formatting; tests/test_emit.cpp checks it against nlohmann on the
// whole corpus.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qingdan {

class JsonWriter {
public:
    JsonWriter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // An object member's key; its value follows.
    void key(std::string_view k);

    void string(std::string_view s);
    void integer(long long v);
    void number(double v);  // whole numbers as integers, like the model's JSON
    void null();

private:
    void item();  // separator and indent before a value or key
    void put_string(std::string_view s);
    void open(char c);
    void close(char c);
    void indent(size_t depth);

    std::string& out_;
    bool pretty_;
    bool after_key_ = false;
    std::vector<size_t> counts_;  // items so far in each open container
};

}  // namespace qingdan
