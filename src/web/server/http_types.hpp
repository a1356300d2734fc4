// Requests and responses as the application sees them, free of Beast types so that routes
// and pages can be written and tested without the network code.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace trappa::web {

struct Request {
  std::string method;   // "GET", "POST", ...
  std::string target;   // as sent: path and query
  std::string path;     // decoded path, without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote_address;
  std::string request_id;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

}  // namespace trappa::web
