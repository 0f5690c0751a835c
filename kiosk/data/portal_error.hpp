// What a portal's error answer says, as one short phrase an integrator can act on, and whether it is an
// authentication failure (a key or token to renew) rather than an outage. Shapes read:
//   an HTML page (a proxy's or a maintenance page): its <title>
//   CKAN: {"success": false, "error": {"__type": "Validation Error", "limit": ["Must be …"]}}
//   ArcGIS: {"error": {"code": 498, "message": "Invalid token.", "details": [...]}}, often with HTTP 200
//   others: "message", "detail", "error" and a code beside them (Socrata, Opendatasoft, OpenAQ, FROST)
// Callers redact secrets from the line they build; nothing here knows them.
#pragma once
#include <string>
#include <string_view>

namespace kiosk::data {

struct PortalError {
  std::string text;   // "CKAN Validation Error: limit: Must be a natural number"; empty: nothing readable
  bool auth = false;  // CKAN "Authorization Error", ArcGIS 498/499 (HTTP 401 and 403 are the caller's)
};

// A whole response body sent with an error (or an error body sent with HTTP 200). `platform` is the
// source's, so ArcGIS's {"error": {code, message}} shape is named only for ArcGIS sources.
PortalError explain_error_body(std::string_view body, std::string_view platform);

// CKAN's `error` object, as JSON text: "CKAN <__type>: <message>; <field>: <messages>…".
PortalError ckan_error(std::string_view error_json);

// ArcGIS's `error` object, as JSON text: "ArcGIS error <code>: <message> (<details>)"; `with_status`, when
// not empty, follows the code ("ArcGIS error 498 (sent with HTTP 200): …").
PortalError arcgis_error(std::string_view error_json, std::string_view with_status = {});

// The page's <title>, entities such as &amp; and &#8211; decoded, white space collapsed, at most 120
// bytes (cut at a character boundary, with "…"); empty when there is none.
std::string html_title(std::string_view page);

}  // namespace kiosk::data
