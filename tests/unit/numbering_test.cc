#include "parse/numbering.h"

#include <gtest/gtest.h>

namespace eduplan {
namespace {

std::vector<std::string> stripped(std::vector<std::string> texts, std::string* said = nullptr) {
  std::vector<std::string*> ptrs;
  for (auto& t : texts) ptrs.push_back(&t);
  auto n = strip_consecutive_numbers(ptrs);
  if (said) *said = n ? n->first + "…" + n->last : "none";
  return texts;
}

TEST(Numbering, ConsecutiveNumbersInFrontAreTakenOff) {
  std::string said;
  EXPECT_EQ(stripped({"1. Ausbau", "2. Aufbau", "3. Umbau"}, &said),
            (std::vector<std::string>{"Ausbau", "Aufbau", "Umbau"}));
  EXPECT_EQ(said, "1.…3.");
  EXPECT_EQ(stripped({"3.1 Ausbau", "3.2 Aufbau"}, &said), (std::vector<std::string>{"Ausbau", "Aufbau"}));
  EXPECT_EQ(said, "3.1…3.2");
  EXPECT_EQ(stripped({"7) Ausbau", "8) Aufbau"}), (std::vector<std::string>{"Ausbau", "Aufbau"}));
  EXPECT_EQ(stripped({"12 Ausbau", "13 Aufbau"}), (std::vector<std::string>{"Ausbau", "Aufbau"}));
}

TEST(Numbering, AnythingElseStaysAsWritten) {
  std::string said;
  const std::vector<std::string> years{"2024 Planung", "2025 Umsetzung"};
  EXPECT_EQ(stripped(years, &said), years);  // years are not numbering
  EXPECT_EQ(said, "none");
  const std::vector<std::string> gap{"1. Ausbau", "3. Aufbau"};
  EXPECT_EQ(stripped(gap), gap);
  const std::vector<std::string> one{"1. Ausbau"};
  EXPECT_EQ(stripped(one), one);
  const std::vector<std::string> not_all{"1. Ausbau", "Aufbau"};
  EXPECT_EQ(stripped(not_all), not_all);
  const std::vector<std::string> glued{"1.Ausbau", "2.Aufbau"};  // no space: "1.Ausbau" is text
  EXPECT_EQ(stripped(glued), glued);
  const std::vector<std::string> mixed_depth{"3.1 Ausbau", "4 Aufbau"};
  EXPECT_EQ(stripped(mixed_depth), mixed_depth);
  const std::vector<std::string> only_number{"1.", "2."};
  EXPECT_EQ(stripped(only_number), only_number);
}

TEST(Numbering, ANumberingColumnOnlyCounts) {
  EXPECT_TRUE(consecutive_numbers({"1", "2", "3"}));
  EXPECT_TRUE(consecutive_numbers({"4.", "5."}));
  EXPECT_FALSE(consecutive_numbers({"1", "2", "2"}));
  EXPECT_FALSE(consecutive_numbers({"1", "", "3"}));
  EXPECT_FALSE(consecutive_numbers({"1", "2a"}));
  EXPECT_TRUE(is_numbering_header("Nr."));
  EXPECT_TRUE(is_numbering_header("lfd. Nr."));
  EXPECT_TRUE(is_numbering_header("#"));
  EXPECT_FALSE(is_numbering_header("Zeitraum"));
}

}  // namespace
}  // namespace eduplan
