// Läraktiviteter (docs/learning.md, "In the web"): HR's catalogue, attendance marking,
// statistics against the targets, the uncovered needs and the ESF participant list; the
// statistics also for observers and managers with the overview, under the small-group rule.
#pragma once

namespace trappa::web {

class Router;
void register_learning(Router& router);

}  // namespace trappa::web
