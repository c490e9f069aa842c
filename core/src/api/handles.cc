#include "api/handles.h"

#include <mutex>
#include <unordered_map>

namespace eduplan::api {
namespace {

std::mutex mutex;
std::unordered_map<const void*, Kind>& live() {
  static auto* handles = new std::unordered_map<const void*, Kind>;  // outlives static destructors
  return *handles;
}

}  // namespace

void enter(const void* handle, Kind kind) {
  std::lock_guard lock(mutex);
  live()[handle] = kind;
}

bool leave(const void* handle, Kind kind) {
  std::lock_guard lock(mutex);
  auto it = live().find(handle);
  if (it == live().end() || it->second != kind) return false;
  live().erase(it);
  return true;
}

bool is_live(const void* handle, Kind kind) {
  std::lock_guard lock(mutex);
  auto it = live().find(handle);
  return it != live().end() && it->second == kind;
}

}  // namespace eduplan::api
