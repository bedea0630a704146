"""Invoke-WebRequest and Invoke-RestMethod, on httpx.

The flow is pwsh 7.4's WebRequestPSCmdlet: validate the parameters (the
same conflicts, with the same error ids), build the request, send it with
retries (-MaximumRetryCount/-RetryIntervalSec) and pwsh's redirect rules,
report it in the verbose stream (``Requested HTTP/1.1 GET with 0-byte
payload``), fail on a non-success status with an HttpResponseException
whose displayed message is the response body, then hand the response to
the cmdlet.  Secrets (-Token, -Credential, Authorization headers) appear
in no error, verbose message or error target.
"""

from __future__ import annotations

import os
import re
from abc import ABCMeta, abstractmethod
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range, validate_set
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import (
    DotNetException, ErrorCategory, ErrorDetails, ErrorRecord, HttpRequestException, InvalidOperationException,
    ValidationMetadataException,
)
from pwshlike.dotnet.values import Hashtable
from pwshlike.dotnet.credentials import PSCredential, SecureString

from . import web_client, web_request, web_response

_METHODS = ["Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch"]
_AUTHENTICATION = ["None", "Basic", "Bearer", "OAuth"]
_REDIRECT_CODES = (300, 301, 302, 303, 307, 308)
_DEFAULT_MAX_REDIRECTS = 50  # HttpClientHandler.MaxAutomaticRedirections


class HttpResponseException(HttpRequestException):
    """``Microsoft.PowerShell.Commands.HttpResponseException``: a response
    whose status is not a success; ``Response`` is the response object."""

    full_name = "Microsoft.PowerShell.Commands.HttpResponseException"
    PS_MEMBERS = dict(HttpRequestException.PS_MEMBERS, Response="response", StatusCode="status_code")

    def __init__(self, message: str, response: Any) -> None:
        super().__init__(message)
        self.response = web_response.HttpResponseMessage(response)
        self.status_code = self.response.status_code


class HttpRequestMessage:
    """The request as an error's TargetObject (``System.Net.Http.HttpRequestMessage``);
    its string form leaves the headers out so no credential is shown."""

    full_name = "System.Net.Http.HttpRequestMessage"
    PS_MEMBERS = {"Method": "method", "RequestUri": "uri", "Version": "version", "ToString": "__str__"}

    def __init__(self, method: str, uri: str) -> None:
        self.method = method
        self.uri = uri
        self.version = "1.1"

    def __str__(self) -> str:
        return f"Method: {self.method}, RequestUri: '{self.uri}', Version: {self.version}"


def _to_uri_text(value: Any) -> str:
    return getattr(value, "OriginalString", None) or to_string(value)


_METHOD_SETS = {"StandardMethod": {}}
_CUSTOM_SETS = {"CustomMethod": {"mandatory": True}}


class _WebCmdlet(Cmdlet, metaclass=ABCMeta):
    """Parameters and request handling shared by the two web cmdlets."""

    uri = Parameter("Uri", mandatory=True, position=0, converter=_to_uri_text, help="The address to send to.")
    use_basic_parsing = Parameter("SwitchParameter", dont_show=True, help="No effect; kept for compatibility.")
    allow_unencrypted_authentication = Parameter("SwitchParameter",
                                                 help="Allows sending credentials over http://.")
    authentication = Parameter("WebAuthenticationType", converter=str, validators=[validate_set(_AUTHENTICATION)],
                               help="None, Basic (needs -Credential), Bearer or OAuth (need -Token).")
    credential = Parameter("PSCredential", help="User name and password.")
    skip_certificate_check = Parameter("SwitchParameter", help="Skips TLS certificate validation.")
    token = Parameter("SecureString", help="The OAuth/Bearer token.")
    user_agent = Parameter("String", help="The User-Agent header.")
    disable_keep_alive = Parameter("SwitchParameter", help="Sends Connection: Close.")
    connection_timeout_seconds = Parameter("Int32", aliases=("TimeoutSec",), validators=[validate_range(0, 2**31 - 1)],
                                           help="Seconds before the request times out (0: no limit).")
    headers = Parameter("System.Collections.IDictionary", help="Request headers.")
    skip_header_validation = Parameter("SwitchParameter", help="Adds headers without validating them.")
    allow_insecure_redirect = Parameter("SwitchParameter", help="Follows redirects from https to http.")
    maximum_redirection = Parameter("Int32", default=-1, validators=[validate_range(0, 2**31 - 1)],
                                    help="How many redirects to follow (0: none).")
    maximum_retry_count = Parameter("Int32", default=0, validators=[validate_range(0, 2**31 - 1)],
                                    help="Retries after a failure status (4xx, 5xx, 304).")
    preserve_authorization_on_redirect = Parameter("SwitchParameter",
                                                   help="Keeps the Authorization header when redirected.")
    retry_interval_sec = Parameter("Int32", default=5, validators=[validate_range(1, 2**31 - 1)],
                                   help="Seconds between retries.")
    method = Parameter("WebRequestMethod", sets=_METHOD_SETS, converter=str, validators=[validate_set(_METHODS)],
                       help="Get (default), Post, Put, Delete, Patch, Head, Options, Trace, Merge.")
    custom_method = Parameter("String", aliases=("CM",), sets=_CUSTOM_SETS, help="Any other HTTP method.")
    preserve_http_method_on_redirect = Parameter("SwitchParameter", help="Keeps the method when redirected.")
    body = Parameter("Object", value_from_pipeline=True,
                     help="The request body: a string, byte[] or a hashtable (form fields, or the query on GET).")
    content_type = Parameter("String", help="The body's Content-Type.")
    in_file = Parameter("String", help="Sends this file as the body.")
    out_file = Parameter("String", help="Saves the response body to this file.")
    pass_thru = Parameter("SwitchParameter", help="With -OutFile, also outputs the result.")
    skip_http_error_check = Parameter("SwitchParameter", help="Treats error statuses as results.")

    # --- the flow -------------------------------------------------------------------

    def process_record(self) -> Iterator[Any]:
        self._validate()
        client = web_client.build_client(bool(self.skip_certificate_check), self._timeout())
        try:
            uri = self._prepare_uri()
            followed = 0
            while True:
                response = self._round_trip(client, uri)
                relation = _relation_links(response)
                yield from self.process_response(response, relation)
                next_uri = relation.get("next") if self._follow_rel_links() else None
                followed += 1
                if not next_uri or followed >= self._maximum_rel_links():
                    break
                self.write_verbose(f"Following rel link {next_uri}")
                uri = next_uri
        finally:
            client.close()

    @abstractmethod
    def process_response(self, response: Any, relation: Hashtable) -> Iterator[Any]:
        """What the cmdlet outputs for a successful (or unchecked) response;
        each web cmdlet defines it."""

    def _follow_rel_links(self) -> bool:
        return False

    def _maximum_rel_links(self) -> int:
        return 1

    def _round_trip(self, client: Any, uri: str) -> Any:
        method = self._method()
        headers, content = self._headers(), self._content(method)
        request_info = HttpRequestMessage(method, uri)
        self.write_verbose(f"Requested HTTP/1.1 {method} with {0 if content is None else len(content)}-byte payload")
        try:
            response = self._send_with_retries(client, method, uri, headers, content)
        except HttpRequestException as exc:
            record = ErrorRecord(exc, "WebCmdletWebResponseException", ErrorCategory.InvalidOperation, request_info)
            if isinstance(exc.inner_exception, DotNetException):
                record.error_details = ErrorDetails(exc.inner_exception.message)
            self.throw_terminating_error(record)
        except web_client.TaskCanceledException as exc:
            self.throw_terminating_error(ErrorRecord(exc, "System.Threading.Tasks.TaskCanceledException",
                                                    ErrorCategory.OperationTimeout, request_info))
        content_type = response.headers.get("content-type", "")
        shown_type = content_type.split(";", 1)[0].strip()
        length = response.headers.get("content-length")
        version = web_response.http_version(response)
        if length is None:
            self.write_verbose(f"Received HTTP/{version} response of content type {shown_type} of unknown size")
        else:
            self.write_verbose(f"Received HTTP/{version} {length}-byte response of content type {shown_type}")
        self._check_status(response, request_info)
        return response

    def _check_status(self, response: Any, request_info: HttpRequestMessage) -> None:
        location = response.headers.get("location", "")
        if response.url.scheme == "https" and location.lower().startswith("http:") and \
                not self.allow_insecure_redirect and response.status_code in _REDIRECT_CODES:
            record = ErrorRecord(InvalidOperationException(), "InsecureRedirection", ErrorCategory.InvalidOperation,
                                 request_info)
            record.error_details = ErrorDetails("Cannot follow an insecure redirection by default. Reissue the "
                                                "command specifying the -AllowInsecureRedirect switch. ")
            self.throw_terminating_error(record)
        if self.skip_http_error_check or response.is_success:
            return
        message = (f"Response status code does not indicate success: {response.status_code} "
                   f"({response.reason_phrase}).")
        record = ErrorRecord(HttpResponseException(message, response), "WebCmdletWebResponseException",
                             ErrorCategory.InvalidOperation, request_info)
        content_type = response.headers.get("content-type", "")
        body = web_response.decode_body(response.content, content_type)[0]
        details = web_request.error_details(body, content_type) if body else ""
        if details:
            record.error_details = ErrorDetails(details)
        self.throw_terminating_error(record)

    def _send_with_retries(self, client: Any, method: str, uri: str, headers: dict[str, str],
                           content: Optional[bytes]) -> Any:
        attempts = int(self.maximum_retry_count or 0) + 1
        while True:
            response = self._send_following_redirects(client, method, uri, headers, content)
            attempts -= 1
            if attempts <= 0 or response.is_success or not _should_retry(response.status_code):
                return response
            interval = int(self.retry_interval_sec)
            retry_after = response.headers.get("retry-after", "")
            if response.status_code == 429 and retry_after.isdigit():
                interval = int(retry_after)
            self.write_verbose(f"Retrying after interval of {interval} seconds. Status code for previous "
                               f"attempt: {web_response.status_code(response.status_code)}")
            web_client.pause(interval)

    def _send_following_redirects(self, client: Any, method: str, uri: str, headers: dict[str, str],
                                  content: Optional[bytes]) -> Any:
        import httpx
        remaining = _DEFAULT_MAX_REDIRECTS if int(self.maximum_redirection) < 0 else int(self.maximum_redirection)
        auth = self._challenge_auth()
        headers = dict(headers)
        while True:
            request = client.build_request(method, uri, headers=headers, content=content)
            response = web_client.send(client, request, auth, self._timeout())
            location = response.headers.get("location")
            if response.status_code not in _REDIRECT_CODES or not location or remaining <= 0:
                return response
            target = str(httpx.URL(uri).join(location))
            if uri.lower().startswith("https:") and target.lower().startswith("http:") and \
                    not self.allow_insecure_redirect:
                return response
            remaining -= 1
            if not self.preserve_http_method_on_redirect and _forces_get(response.status_code, method):
                method, content = "GET", None
                headers = {k: v for k, v in headers.items() if k.lower() not in ("content-type", "content-length")}
            if not self.preserve_authorization_on_redirect:
                headers = {k: v for k, v in headers.items() if k.lower() != "authorization"}
                auth = None
            uri = target

    # --- request parts ------------------------------------------------------------------

    def _validate(self) -> None:
        authentication = (self.authentication or "None").lower()
        if authentication != "none" and self.token is not None and self.credential is not None:
            self._validation_error("The cmdlet cannot run because the following conflicting parameters are "
                                   "specified: Credential and Token. Specify either Credential or Token, then retry.",
                                   "WebCmdletAuthenticationTokenConflictException")
        if authentication == "basic" and self.credential is None:
            self._validation_error("The cmdlet cannot run because the following parameter is not specified: "
                                   "Credential. The supplied Authentication type requires a Credential. Specify "
                                   "Credential, then retry.", "WebCmdletAuthenticationCredentialNotSuppliedException")
        if authentication in ("bearer", "oauth") and self.token is None:
            self._validation_error("The cmdlet cannot run because the following parameter is not specified: "
                                   "Token. The supplied Authentication type requires a Token. Specify Token, then "
                                   "retry.", "WebCmdletAuthenticationTokenNotSuppliedException")
        scheme = web_request.absolute_uri(self.uri).split(":", 1)[0].lower()
        if not self.allow_unencrypted_authentication and \
                (authentication != "none" or self.credential is not None) and scheme != "https":
            self._validation_error("The cmdlet cannot protect plain text secrets sent over unencrypted "
                                   "connections. To suppress this warning and send plain text secrets over "
                                   "unencrypted networks, reissue the command specifying the "
                                   "AllowUnencryptedAuthentication parameter.",
                                   "WebCmdletAllowUnencryptedAuthenticationRequiredException")
        if self.body is not None and self.in_file is not None:
            self._validation_error("The cmdlet cannot run because the following conflicting parameters are "
                                   "specified: Body and InFile. Specify either Body or Infile, then retry.  ",
                                   "WebCmdletBodyConflictException")
        if self.in_file is not None:
            path = self.context.session.resolve_path(self.in_file)
            if os.path.isdir(path):
                self._validation_error(f"Path '{path}' resolves to a directory. Specify a path including a file "
                                       "name, and then retry the command.", "WebCmdletInFileNotFilePathException")
            if not os.path.exists(path):
                from .fspaths import path_not_found
                self.throw_terminating_error(path_not_found(path))
        if self.pass_thru and self.out_file is None:
            self._validation_error("The cmdlet cannot run because the following parameter is missing: OutFile. "
                                   "Provide a valid OutFile parameter value when using the PassThru parameter, "
                                   "then retry.", "WebCmdletOutFileMissingException")

    def _validation_error(self, message: str, error_id: str) -> None:
        self.throw_terminating_error(ErrorRecord(ValidationMetadataException(message), error_id,
                                                 ErrorCategory.InvalidArgument, None))

    def _timeout(self) -> Optional[float]:
        seconds = self.connection_timeout_seconds
        return float(seconds) if seconds else None

    def _method(self) -> str:
        if self.custom_method:
            return self.custom_method.upper()
        method = (self.method or "Default").upper()
        return "GET" if method == "DEFAULT" else method

    def _is_get(self) -> bool:
        return self._method() == "GET"

    def _prepare_uri(self) -> str:
        uri = web_request.absolute_uri(self.uri)
        if web_request.is_dictionary(self.body) and self._is_get():
            uri = web_request.with_query(uri, web_request.form_encode(self.body))
        return uri

    def _headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        authentication = (self.authentication or "None").lower()
        if authentication == "basic" and isinstance(self.credential, PSCredential):
            headers["Authorization"] = web_client.basic_header(self.credential.UserName,
                                                               self.credential.Password.reveal())
        elif authentication in ("bearer", "oauth") and isinstance(self.token, SecureString):
            headers["Authorization"] = "Bearer " + self.token.reveal()
        for key in (self.headers or {}).keys():
            value = self.headers[key]
            if value is not None:
                _set_header(headers, to_string(key), to_string(value))
        if not any(k.lower() == "user-agent" for k in headers):
            headers["User-Agent"] = self.user_agent if self.user_agent is not None else web_request.user_agent()
        if self.disable_keep_alive:
            headers["Connection"] = "Close"
        content_type = self.content_type
        if content_type is None and self._method() in ("POST", "PUT") and \
                not any(k.lower() == "content-type" for k in headers):
            content_type = web_request.FORM_URLENCODED
        if content_type is not None:
            _set_header(headers, "Content-Type", content_type)
        return headers

    def _content(self, method: str) -> Optional[bytes]:
        if self.in_file is not None:
            with open(self.context.session.resolve_path(self.in_file), "rb") as handle:
                return handle.read()
        body = self.body
        if body is not None and not (web_request.is_dictionary(body) and method == "GET"):
            return web_request.body_bytes(body, self.content_type)
        if method == "GET" and self.content_type is None:
            return None
        return b""

    def _challenge_auth(self) -> Any:
        if self.credential is None or (self.authentication or "None").lower() != "none":
            return None
        return web_client.challenge_auth(self.credential.GetNetworkCredential().UserName,
                                         self.credential.Password.reveal())

    def _save(self, response: Any) -> None:
        path = self.context.session.resolve_path(self.out_file)
        if os.path.isdir(path):
            name = os.path.basename(response.url.path.rstrip("/")) or "index.html"
            path = os.path.join(path, name)
        with open(path, "wb") as handle:
            handle.write(response.content)


def _set_header(headers: dict[str, str], name: str, value: str) -> None:
    for existing in [k for k in headers if k.lower() == name.lower()]:
        del headers[existing]
    headers[name] = value


def _should_retry(status: int) -> bool:
    return status == 304 or 400 <= status <= 599


def _forces_get(status: int, method: str) -> bool:
    if status in (300, 301, 302):
        return method == "POST"
    if status == 303:
        return method not in ("GET", "HEAD")
    return False


def _relation_links(response: Any) -> Hashtable:
    """The ``Link`` header's ``<url>; rel=name`` pairs, URLs made absolute."""
    import httpx
    links = Hashtable()
    for header in response.headers.get_list("link"):
        for match in re.finditer(r'<(?P<url>.*?)>;\s*rel=(?P<quoted>")?(?P<rel>(?(quoted).*?|[^,;]*))(?(quoted)")',
                                 header):
            url, rel = match.group("url"), match.group("rel")
            if url and rel and rel not in links:
                links[rel] = str(httpx.URL(str(response.url)).join(url))
    return links


@cmdlet("Invoke-WebRequest", default_parameter_set="StandardMethod",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097126")
class InvokeWebRequestCommand(_WebCmdlet):
    """Sends an HTTP request and returns the response: status, headers and
    content.

    -Uri is the address; -Method (GET unless given), -Headers, -Body and -ContentType shape the request. The result
    has StatusCode, StatusDescription, Headers, Content (text, or bytes for binary data) and RawContent; -OutFile
    saves the body to a file instead. Status codes of 400 and more are errors unless -SkipHttpErrorCheck."""

    help_examples = [
        ('Example 1: Fetch a page',
         '$response = Invoke-WebRequest -Uri https://example.com\n$response.StatusCode',
         'Shows 200 when the request succeeded; $response.Content holds the HTML.'),
        ('Example 2: Download a file',
         'Invoke-WebRequest -Uri https://example.com/tool.tar.gz -OutFile ./tool.tar.gz',
         'Writes the response body to the file.'),
    ]

    def process_response(self, response: Any, relation: Hashtable) -> Iterator[Any]:
        if self.out_file is not None:
            self._save(response)
            if not self.pass_thru:
                return
        yield web_response.response_object(response, relation)


@cmdlet("Invoke-RestMethod", default_parameter_set="StandardMethod",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096706")
class InvokeRestMethodCommand(_WebCmdlet):
    """Sends an HTTP request to a REST service and returns the content as
    objects: JSON becomes PSCustomObjects (arrays are enumerated), other
    text is returned as a string.

    It takes the same request parameters as Invoke-WebRequest (-Uri, -Method, -Headers, -Body, -ContentType,
    -OutFile...) but returns the parsed body instead of the response object. A hashtable -Body is sent as form data, or as the query string of a GET."""

    help_examples = [
        ('Example 1: Read a JSON API',
         '$repo = Invoke-RestMethod -Uri https://api.github.com/repos/PowerShell/PowerShell\n$repo.stargazers_count',
         'The JSON document is returned as an object whose properties can be read directly.'),
        ('Example 2: Send JSON',
         "Invoke-RestMethod -Uri https://api.example.com/items -Method Post -Body (@{ name = 'disk' } | ConvertTo-Json) -ContentType 'application/json'",
         "Posts the JSON text and returns the service's parsed answer."),
    ]

    follow_rel_link = Parameter("SwitchParameter", aliases=("FL",), help="Follows 'next' Link headers.")
    maximum_follow_rel_link = Parameter("Int32", aliases=("ML",), default=2**31 - 1,
                                        validators=[validate_range(1, 2**31 - 1)],
                                        help="How many rel links to follow at most.")
    response_headers_variable = Parameter("String", aliases=("RHV",),
                                          help="A variable to store the response headers in.")
    status_code_variable = Parameter("String", help="A variable to store the status code in.")

    def _follow_rel_links(self) -> bool:
        return bool(self.follow_rel_link)

    def _maximum_rel_links(self) -> int:
        return int(self.maximum_follow_rel_link)

    def process_response(self, response: Any, relation: Hashtable) -> Iterator[Any]:
        if self.status_code_variable:
            self.context.set_variable_value(self.status_code_variable, response.status_code)
        if self.response_headers_variable:
            self.context.set_variable_value(self.response_headers_variable, web_response.headers_of(response))
        if self.out_file is not None:
            self._save(response)
            if not self.pass_thru:
                return
        content_type = response.headers.get("content-type", "")
        text, encoding = web_response.decode_body(response.content, content_type)
        self.write_verbose(f"Content encoding: {encoding}")
        if not text:
            return
        from .web_json import JsonParseError, parse_json
        if web_response.is_xml(content_type):
            yield text
            return
        try:
            value = parse_json(text)
        except JsonParseError:
            yield text
            return
        if isinstance(value, list):
            yield from value
        else:
            yield value
