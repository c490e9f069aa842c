// The C API's handles (internal): what each one owns, and the registry of live handles that
// lets every entry point refuse a pointer that is NULL, closed, freed, of another kind or never
// handed out, without touching the memory it points to.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "eduplan/c_api.h"
#include "eduplan/model.h"
#include "eduplan/monitoring.h"
#include "eduplan/storage.h"

struct eduplan_db {
  std::unique_ptr<eduplan::Storage> storage;
  std::filesystem::path path;  // exports open it themselves (as a stream)
};

struct eduplan_plan {
  eduplan::Plan plan;
  std::vector<std::string> severities;  // per finding, for stable C strings
};

struct eduplan_names {
  std::vector<std::string> names;
};

struct eduplan_plan_list {
  std::vector<eduplan::PlanInfo> plans;
};

struct eduplan_rollups {
  std::vector<eduplan::Rollup> rollups;
  std::string json;  // made once, for a stable C string
  std::vector<std::vector<std::pair<std::string, std::size_t>>> counts;  // per roll-up, in order
};

namespace eduplan::api {

enum class Kind { db, plan, names, plan_list, rollups };

template <class H>
constexpr Kind kind_of();
template <>
constexpr Kind kind_of<eduplan_db>() {
  return Kind::db;
}
template <>
constexpr Kind kind_of<eduplan_plan>() {
  return Kind::plan;
}
template <>
constexpr Kind kind_of<eduplan_names>() {
  return Kind::names;
}
template <>
constexpr Kind kind_of<eduplan_plan_list>() {
  return Kind::plan_list;
}
template <>
constexpr Kind kind_of<eduplan_rollups>() {
  return Kind::rollups;
}

// The registry; thread-safe.
void enter(const void* handle, Kind kind);
bool leave(const void* handle, Kind kind);  // false if it was not live as `kind`
bool is_live(const void* handle, Kind kind);

template <class H>
bool is_live(const H* handle) {
  return handle && is_live(handle, kind_of<H>());
}

// A new handle, registered as live.
template <class H>
H* make_handle(H&& value) {
  auto owned = std::make_unique<H>(std::move(value));
  enter(owned.get(), kind_of<H>());
  return owned.release();
}

// Frees a live handle. True for NULL and for a live handle; false (nothing freed) otherwise.
template <class H>
bool release(H* handle) {
  if (!handle) return true;
  if (!leave(handle, kind_of<H>())) return false;
  delete handle;
  return true;
}

}  // namespace eduplan::api
