#pragma once
// The error form in the language the request asks for: a 4xx answer to a request whose
// Accept-Language prefers Czech gets its message and field messages in Czech, each field
// named as a person knows it ("odpovědní aktéři: uvádí aktéra dvakrát"); the machine
// code and the field keys stay as they are. English is the server's own text.

#include "http/api_request.h"
#include "http/api_response.h"

namespace prosit {

void LocalizeError(const ApiRequest& request, ApiResponse& response);

// The record kind ("step") whose route the path names ("/api/v1/steps/7"), or "".
std::string RecordKindOfPath(const std::string& path);

}  // namespace prosit
