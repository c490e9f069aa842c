// Output files: permissions of the file a report replaces, the umask for new ones, and the
// temporary files of killed processes, which the next run removes (only those).
#include <eduplan/atomic_output.h>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "test_support.h"

namespace eduplan {
namespace {

namespace fs = std::filesystem;

class AtomicOutputTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::fresh_test_directory("eduplan_output"); }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content = "x") {
    std::ofstream(dir_ / name) << content;
    return dir_ / name;
  }

  static mode_t mode_of(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0);
    return st.st_mode & 0777;
  }

  static void export_to(const fs::path& target, const std::string& content) {
    AtomicOutput out(target);
    EXPECT_EQ(mode_of(out.temp_path()), 0600u);  // private while it is written
    std::ofstream(out.temp_path()) << content;
    out.commit();
  }

  std::set<std::string> names() const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.insert(e.path().filename().string());
    return out;
  }

  fs::path dir_;
};

// The host part of the temporary files' names, as AtomicOutput writes it.
std::string host_token() {
  const fs::path dir = fs::temp_directory_path();
  AtomicOutput probe(dir / ("eduplan_probe_" + std::to_string(::getpid())));
  const std::string name = probe.temp_path().filename().string();
  const auto tag = name.substr(name.rfind(".tmp-") + 5);
  return tag.substr(0, tag.find('-'));
}

pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

TEST_F(AtomicOutputTest, KeepsTheModeOfTheFileItReplaces) {
  const fs::path target = write("bericht.csv", "alt");
  ::chmod(target.c_str(), 0600);
  export_to(target, "neu");
  EXPECT_EQ(mode_of(target), 0600u);
  ::chmod(target.c_str(), 0640);
  export_to(target, "neuer");
  EXPECT_EQ(mode_of(target), 0640u);
  std::ifstream in(target);
  std::string content;
  in >> content;
  EXPECT_EQ(content, "neuer");
}

TEST_F(AtomicOutputTest, NewFilesFollowTheUmask) {
  for (const mode_t mask : {0022, 0027, 0077}) {
    const mode_t old = ::umask(mask);
    const fs::path target = dir_ / ("neu-" + std::to_string(mask) + ".csv");
    export_to(target, "x");
    ::umask(old);
    EXPECT_EQ(mode_of(target), 0666u & ~mask) << mask;
  }
}

TEST_F(AtomicOutputTest, CommitNewCreatesButNeverReplaces) {
  const mode_t old = ::umask(0027);
  const fs::path target = dir_ / "neu.db";
  {
    AtomicOutput out(target);
    std::ofstream(out.temp_path()) << "erste";
    EXPECT_TRUE(out.commit_new());
  }
  ::umask(old);
  EXPECT_EQ(mode_of(target), 0640u);  // a new file's permissions, not the private 0600
  EXPECT_EQ(names(), std::set<std::string>{"neu.db"});
  {
    // Created by someone else meanwhile: left alone, and the temporary file is kept for the
    // caller until the AtomicOutput goes.
    AtomicOutput out(target);
    std::ofstream(out.temp_path()) << "zweite";
    EXPECT_FALSE(out.commit_new());
    EXPECT_TRUE(fs::exists(out.temp_path()));
  }
  std::ifstream in(target);
  std::string content;
  in >> content;
  EXPECT_EQ(content, "erste");
  EXPECT_EQ(names(), std::set<std::string>{"neu.db"});
}

TEST_F(AtomicOutputTest, TheNextRunRemovesTemporariesOfKilledProcessesOnly) {
  const std::string host = host_token();
  const std::string dead = std::to_string(dead_pid());
  const std::string alive = std::to_string(::getppid());
  // Left behind by killed processes of this host: removed.
  write(".bericht.xlsx.tmp-" + host + "-" + dead + "-0123abcd");
  write(".a.b.tmp-c.csv.tmp-" + host + "-" + dead + "-ffffffff");
  write(".p.db.tmp-" + host + "-" + dead + "-0123abcd-journal");  // a staged database's journal
  // Another program's temporary in the older naming, two days old: looks the same, so it stays.
  // Not ours to remove: a live process's, another host's, a fresh one of the older naming,
  // names that only look alike, a symbolic link and a directory.
  const std::set<std::string> kept = {
      ".bericht.xlsx.tmp-" + host + "-" + alive + "-0123abcd",
      ".bericht.xlsx.tmp-anderer" + host + "-" + dead + "-0123abcd",
      ".frisch.csv.tmp-01234567",
      ".thesis.odt.tmp-0badcafe",
      ".bericht.xlsx.tmp-" + host + "-" + dead + "-0123ABCD",
      ".bericht.xlsx.tmp-" + host + "-" + dead + "-0123abc",
      "bericht.xlsx.tmp-" + host + "-" + dead + "-0123abcd",
      ".notizen.tmp-entwurf",
      ".p.db.tmp-" + host + "-" + alive + "-0123abcd-journal",
      ".p.db.tmp-" + host + "-" + dead + "-0123abcd-notes",
      "bericht.xlsx",
      ".link.tmp-" + host + "-" + dead + "-0123abcd",
      ".ordner.tmp-" + host + "-" + dead + "-0123abcd",
  };
  for (const auto& name : kept) {
    if (name.starts_with(".link"))
      fs::create_symlink(dir_ / "bericht.xlsx", dir_ / name);
    else if (name.starts_with(".ordner"))
      fs::create_directory(dir_ / name);
    else
      write(name);
  }
  // Another program's temporary in eduplan's older naming, two days old: looks the same, stays.
  fs::last_write_time(dir_ / ".thesis.odt.tmp-0badcafe",
                      fs::file_time_type::clock::now() - std::chrono::hours(48));
  EXPECT_EQ(remove_stale_temporaries(dir_), 3);
  EXPECT_EQ(names(), kept);
}

TEST_F(AtomicOutputTest, ALongTargetNameStillGetsATemporary) {
  std::string name(240, 'a');
  name += "ä.csv";  // 247 bytes: with the suffix the temporary's name is cut, at a character
  export_to(dir_ / name, "x");
  EXPECT_EQ(names(), std::set<std::string>{name});
}

}  // namespace
}  // namespace eduplan
