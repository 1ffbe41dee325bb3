#include "routing/http_client.h"

#include <curl/curl.h>

#include <mutex>

namespace prosit {

namespace {

size_t Append(char* data, size_t size, size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

}  // namespace

HttpClient::HttpClient(long timeout_seconds) : timeout_seconds_(timeout_seconds) {
  static std::once_flag global;  // curl_global_init is not thread-safe; run it once
  std::call_once(global, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Result<HttpResponse> HttpClient::Get(const std::string& url) {
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) return Status::IoError("GET " + ShortUrl(url) + ": curl could not start");
  HttpResponse response;
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds_);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, timeout_seconds_);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without signals: safe in threads
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  CURLcode code = curl_easy_perform(curl);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  if (code != CURLE_OK)
    return Status::IoError("GET " + ShortUrl(url) + ": " +
                           (error[0] ? std::string(error) : curl_easy_strerror(code)));
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::string ShortUrl(const std::string& url, size_t max_chars) {
  if (url.size() <= max_chars) return url;
  return url.substr(0, max_chars) + "… (" + std::to_string(url.size()) + " characters)";
}

}  // namespace prosit
