"""Microsoft Graph's errors, worded as Graph words them.

Scripts match on ``error.code`` and people search for the message, so both
are Graph's own.  Graph has two families: ``Request_*`` codes come from the
directory (bad ids, duplicates, privileges), ``BadRequest`` from the OData
layer that parses query options before the directory sees them.  This is
the catalogue only, so the query parser below the HTTP layer can raise
them; ``web.graph_error`` renders one as Graph's body.
"""

from __future__ import annotations

from .errors import GraphError


def insufficient_privileges() -> GraphError:
    return GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")


def not_found(key: str) -> GraphError:
    return GraphError(404, "Request_ResourceNotFound",
                      f"Resource '{key}' does not exist or one of its queried reference-property objects are not "
                      "present.")


def unreadable_body() -> GraphError:
    return GraphError(400, "Request_BadRequest", "Unable to read JSON request payload. Please ensure Content-Type "
                                                 "header is set and payload is of valid JSON format.")


def missing_property(name: str) -> GraphError:
    return GraphError(400, "Request_BadRequest", f"Missing property: {name}.")


def invalid_value(name: str, resource: str) -> GraphError:
    return GraphError(400, "Request_BadRequest",
                      f"Invalid value specified for property '{name}' of resource '{resource}'.")


def unknown_property(name: str, type_name: str) -> GraphError:
    """A body or query naming a property the type does not have (OData's error)."""
    return GraphError(400, "BadRequest", f"Could not find a property named '{name}' on type "
                                         f"'microsoft.graph.{type_name}'.")


def read_only_property(name: str) -> GraphError:
    return GraphError(400, "Request_BadRequest", f"Property '{name}' is read-only and cannot be set.")


def duplicate_grant() -> GraphError:
    return GraphError(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.")


def filter_syntax(text: str, position: int) -> GraphError:
    return GraphError(400, "BadRequest", f"Invalid filter clause: Syntax error at position {position} in '{text}'.")


def unsupported_filter(name: str, resource: str) -> GraphError:
    return GraphError(400, "Request_UnsupportedQuery",
                      f"Unsupported or invalid query filter clause specified for property '{name}' of resource "
                      f"'{resource}'.")


def unsupported_query() -> GraphError:
    return GraphError(400, "Request_UnsupportedQuery", "Unsupported Query.")


def search_syntax(text: str) -> GraphError:
    return GraphError(400, "BadRequest", f"Syntax error: character '{text[:1]}' is not valid at position 0 in "
                                         f"'{text}'.")


def unsupported_search(name: str, resource: str) -> GraphError:
    return GraphError(400, "Request_UnsupportedQuery",
                      f"Unsupported or invalid query search clause specified for property '{name}' of resource "
                      f"'{resource}'.")


def search_needs_eventual() -> GraphError:
    return GraphError(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through "
                                                       "MSGraph with a special request header: "
                                                       "'ConsistencyLevel: eventual'")


def count_needs_eventual() -> GraphError:
    return GraphError(400, "Request_BadRequest", "$count is not currently supported.")


def unsupported_option(name: str) -> GraphError:
    return GraphError(400, "Request_UnsupportedQuery", f"The query parameter '{name}' is not supported.")


def invalid_top(text: str) -> GraphError:
    return GraphError(400, "BadRequest", f"Invalid value '{text}' for $top query option found. The $top query "
                                         "option requires a non-negative integer value.")


def page_size(value: int) -> GraphError:
    return GraphError(400, "Request_BadRequest",
                      f"Invalid page size specified: '{value}'. Must be between 1 and 999 inclusive.")


def invalid_count(text: str) -> GraphError:
    return GraphError(400, "BadRequest", f"'{text}' is not a valid count option.")


def expired_page_token() -> GraphError:
    return GraphError(400, "Request_BadRequest", "The specified page token value has expired and can no longer be "
                                                 "included in your request.")


def undeclared_property(name: str, type_name: str) -> GraphError:
    """A request body naming a property the (closed) type does not declare."""
    return GraphError(400, "BadRequest", f"The property '{name}' does not exist on type 'microsoft.graph."
                                         f"{type_name}'. Make sure to only use property names that are defined by "
                                         "the type or mark the type as open type.")
