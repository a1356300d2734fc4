// Sign-in, sign-out, the home page (Start) and Mitt konto: registers the capability's routes and page-table entries (router.hpp).
// Called once at start-up by register_routes (web/routes.hpp).
#pragma once

namespace trappa::web {

class Router;

void register_account(Router& router);
// Konton: the administrators' account pages (accounts_admin_page.cpp).
void register_account_administration(Router& router);

}  // namespace trappa::web
