// qingdan: Chinese policy documents -> canonical task lists and checklists.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "output_options.hpp"
#include "io.hpp"

#include <unistd.h>

namespace qingdan::cli {
int& exit_code() {
    static int code = kOk;
    return code;
}

namespace {

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* s : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(s->get_name());
    return names;
}

std::vector<std::string> option_names(const CLI::App* cmd) {
    std::vector<std::string> names;
    for (const auto* app : {cmd, cmd->get_parent()}) {
        if (!app) continue;
        for (const auto* opt : app->get_options()) {
            for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
            for (const auto& s : opt->get_snames()) names.push_back("-" + s);
        }
    }
    return names;
}

bool takes_value(const CLI::App& app, const std::string& arg) {
    const CLI::Option* o = app.get_option_no_throw(arg);
    return o && o->get_expected_min() > 0 && arg.find('=') == std::string::npos;
}

// Before CLI11 parses: no subcommand prints the usage (exit 2), an unknown
// one gets a did-you-mean. Returns -1 to go on, else the exit status.
int check_subcommand(CLI::App& app, int argc, char** argv) {
    auto names = subcommand_names(app);
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help" || a == "-V" || a == "--version") return -1;
        if (a.size() > 1 && a[0] == '-') {
            if (takes_value(app, a)) ++i;
            continue;
        }
        for (const auto& n : names)
            if (a == n) return -1;
        std::string hint = did_you_mean(a, names);
        std::cerr << "qingdan: error: unknown command `" << a << "`";
        if (!hint.empty()) std::cerr << "; did you mean `" << hint << "`?";
        std::cerr << "\nRun `qingdan --help` for the list of commands.\n";
        return kUsage;
    }
    std::cerr << app.help();
    return kUsage;
}

// After a parse error: an unknown option gets a did-you-mean from the
// options of the subcommand it was given to.
bool explain_unknown_options(const CLI::App& app, int argc, char** argv) {
    const CLI::App* cmd = &app;
    bool any = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") break;
        if (a.size() < 2 || a[0] != '-') {
            if (cmd == &app)
                for (const auto* s : app.get_subcommands([](const CLI::App*) { return true; }))
                    if (s->get_name() == a) cmd = s;
            continue;
        }
        std::string name = a.substr(0, a.find('='));
        if (name.size() > 2 && name[1] != '-') name = name.substr(0, 2);  // -ofile
        if (cmd->get_option_no_throw(name) || app.get_option_no_throw(name) || name == "--help" || name == "-h")
            continue;
        if (name.size() > 1 && name[1] != '-' && std::isdigit(static_cast<unsigned char>(name[1]))) continue;  // -1
        std::string hint = did_you_mean(name, option_names(cmd));
        std::string where = cmd == &app ? "qingdan" : "qingdan " + cmd->get_name();
        std::cerr << where << ": error: unknown option `" << name << "`";
        if (!hint.empty()) std::cerr << "; did you mean `" << hint << "`?";
        std::cerr << "\nRun `" << where << " --help` for its options.\n";
        any = true;
    }
    return any;
}

}  // namespace
}  // namespace qingdan::cli

namespace {

// Output written through std::cout (lists, reports) is checked here: a flush
// and a close of standard output that fail (`> /dev/full`, an NFS quota) are
// errors, not exit 0. EPIPE stays quiet, like head's writer.
int finish_stdout(int rc) {
    using namespace qingdan::cli;
    errno = 0;
    std::cout.flush();
    bool bad = std::cout.fail();
    int err = errno;
    if (!bad && std::fflush(stdout) != 0) bad = true, err = errno;
    if (!bad && ::close(1) != 0 && errno != EBADF) bad = true, err = errno;
    if (!bad) return rc;
    if (err == EPIPE) return kInput;
    std::cerr << "qingdan: error: standard output: write error" << (err ? std::string(": ") + std::strerror(err) : "")
              << "\n";
    return kInput;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace qingdan::cli;
    CLI::App app{"qingdan — turn Chinese policy documents into checklists", "qingdan"};
    app.set_version_flag("-V,--version", std::string("qingdan ") + QINGDAN_VERSION_STRING);
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the subcommand
    app.add_option("--diagnostics", globals().diagnostics, "Diagnostics format on stderr")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_flag("-q,--quiet", globals().quiet, "Show only error diagnostics");
    app.add_flag("-v,--verbose", globals().verbose, "Show every diagnostic, info included, and the summary line");
    app.footer("\nRun `qingdan COMMAND --help` for a command's options, defaults, examples and exit codes.\n"
               "Manual: man qingdan. Environment: QINGDAN_SHARE (directory with grammars/ and data/).\n");
    register_compile(app);
    register_validate(app);
    register_text(app);
    register_grammars(app);
    register_checklist(app);
    register_units(app);
    register_diff(app);
    if (int rc = check_subcommand(app, argc, argv); rc >= 0) return rc;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ExtrasError& e) {
        if (explain_unknown_options(app, argc, argv)) return kUsage;
        int rc = app.exit(e);
        return rc == 0 ? kOk : kUsage;
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? kOk : kUsage;
    } catch (const std::invalid_argument& e) {  // a bad option value found late
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kUsage;
    } catch (const qingdan::BrokenPipe&) {  // the reader went away (`| head`): quiet, like head's writer
        return kInput;
    } catch (const qingdan::OutputError& e) {  // output side: the path and the OS reason
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kInput;
    } catch (const std::filesystem::filesystem_error& e) {  // a directory that cannot be made or listed
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kInput;
    } catch (const std::exception& e) {
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kInternal;
    }
    return finish_stdout(exit_code());
}
