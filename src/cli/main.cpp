// qingdan: Chinese policy documents -> canonical task lists and checklists.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace qingdan::cli {
int& exit_code() {
    static int code = kOk;
    return code;
}
}  // namespace qingdan::cli

int main(int argc, char** argv) {
    using namespace qingdan::cli;
    CLI::App app{"qingdan — turn Chinese policy documents into checklists", "qingdan"};
    app.set_version_flag("--version", std::string("qingdan ") + QINGDAN_VERSION_STRING);
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the subcommand
    app.add_option("--diagnostics", globals().diagnostics, "Diagnostics format on stderr")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_flag("-q,--quiet", globals().quiet, "Show only error diagnostics");
    app.add_flag("-v,--verbose", globals().verbose, "Show every diagnostic, info included, and the summary line");
    register_compile(app);
    register_validate(app);
    register_text(app);
    register_grammars(app);
    register_checklist(app);
    register_units(app);
    register_diff(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? kOk : kUsage;
    } catch (const std::invalid_argument& e) {  // a bad option value found late
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kUsage;
    } catch (const std::exception& e) {
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kInternal;
    }
    return exit_code();
}
