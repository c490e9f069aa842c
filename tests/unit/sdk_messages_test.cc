// The SDK's messages in the user's language: say(), the request's message_language (ABI 1.5) and
// run<> choosing it before the exporter runs.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "eduplan/exporter_sdk.hpp"

namespace {

using eduplan::sdk::say;

struct LanguageGuard {
  ~LanguageGuard() { eduplan::sdk::set_english_messages(false); }
};

TEST(SdkMessages, SayFillsPlaceholdersInTheChosenLanguage) {
  LanguageGuard guard;
  eduplan::sdk::set_english_messages(false);
  EXPECT_EQ(say("{1} vor {0}", "{1} before {0}", "a", std::string("b")), "b vor a");
  EXPECT_EQ(say("ohne", "without"), "ohne");
  eduplan::sdk::set_english_messages(true);
  EXPECT_EQ(say("{1} vor {0}", "{1} before {0}", "a", std::string("b")), "b before a");
  // A placeholder without its argument, and braces that are no placeholder, stay as written.
  EXPECT_EQ(say("x", "{0} {2} {x} {", "a"), "a {2} {x} {");
}

std::string g_error;
void capture(void*, const char* message, std::size_t size) { g_error.assign(message, size); }

void fails(const eduplan::sdk::Request&) {
  throw eduplan::sdk::Failure(say("kaputt", "broken"));
}

eduplan_export_request request(const char* language, std::size_t size) {
  eduplan_export_request r{};
  r.struct_size = size;
  r.set_error = capture;
  r.message_language = language;
  return r;
}

TEST(SdkMessages, RunAnswersInTheLanguageTheHostAsksFor) {
  LanguageGuard guard;
  const std::size_t current = sizeof(eduplan_export_request);
  const std::size_t abi14 = offsetof(eduplan_export_request, message_language);
  const struct {
    const char* language;
    std::size_t size;
    const char* expected;
  } cases[] = {
      {"en", current, "broken"},
      {"de", current, "kaputt"},
      {nullptr, current, "kaputt"},
      {"fr", current, "kaputt"},
      {"en", abi14, "kaputt"},  // a 1.4 host's request ends before the field
  };
  for (const auto& c : cases) {
    eduplan::sdk::set_english_messages(true);  // what the previous run chose must not linger
    g_error.clear();
    const auto r = request(c.language, c.size);
    EXPECT_EQ(eduplan::sdk::run<fails>(&r), EDUPLAN_STATUS_ERROR);
    EXPECT_EQ(g_error, c.expected) << (c.language ? c.language : "NULL") << " " << c.size;
  }
}

TEST(SdkMessages, SystemErrorsInTheMessageLanguage) {
  LanguageGuard guard;
  // strerror speaks English only: inside a German message it read "(No space left on device)".
  EXPECT_EQ(eduplan::sdk::error_text_in(ENOSPC, false), "kein Platz mehr auf dem Datenträger");
  EXPECT_EQ(eduplan::sdk::error_text_in(ENOSPC, true), "no space left on the device");
  EXPECT_EQ(eduplan::sdk::error_text_in(ELOOP, false),
            "zu viele symbolische Links (eine Schleife?)");
  eduplan::sdk::set_english_messages(false);
  EXPECT_EQ(eduplan::sdk::error_text(EACCES), "keine Berechtigung");
  eduplan::sdk::set_english_messages(true);
  EXPECT_EQ(eduplan::sdk::error_text(EACCES), "permission denied");
  // Errors without a text of their own keep the system's.
  EXPECT_EQ(eduplan::sdk::error_text_in(ECHILD, false), std::string(std::strerror(ECHILD)));
}

}  // namespace
