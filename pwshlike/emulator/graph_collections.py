"""The read side every Graph collection shares: list a page, count, get one.

A collection is an EntitySet (what its query options may name), the
permissions reading it takes, a function listing the caller's tenant's
objects as dicts and one finding a member by key.  The handlers
authenticate, check the permission, read the query options and answer as
Graph does: a page with @odata.context, the ``$count`` segment as plain
text (with ConsistencyLevel: eventual, as Graph requires), a member with
``/$entity`` in its context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from .context import EmulatorContext
from .errors import GraphError
from .graph_auth import Caller, authenticate
from .graph_errors import not_found
from .graph_query import EntitySet, Item, entity, page, read_list_query, read_select
from .web import graph_error, ids, json_response


@dataclass(frozen=True)
class Collection:
    entity_set: EntitySet
    allowed: frozenset[str]                                    # any of these permissions reads it
    lister: Callable[[Caller], list[Item]]                     # the caller's tenant's objects
    finder: Callable[[Caller, str], Optional[Item]]            # a member by id (or alternate key)


def _caller(ctx: EmulatorContext, collection: Collection, request: Request) -> Caller:
    caller = authenticate(ctx, request)
    caller.require(collection.allowed)
    return caller


def member_route(ctx: EmulatorContext, collection: Collection, path: str) -> Route:
    """GET of one member; ``path`` names it with a ``{key}`` parameter."""
    base = ctx.settings.endpoint

    async def member(request: Request) -> Response:
        try:
            caller = _caller(ctx, collection, request)
            select = read_select(request, collection.entity_set)
            key = request.path_params["key"]
            item = collection.finder(caller, key)
            if item is None:
                raise not_found(key)
        except GraphError as error:
            return graph_error(request, error)
        return json_response(request, entity(base, collection.entity_set, item, select))
    return Route(path, member, methods=["GET"])


def read_routes(ctx: EmulatorContext, collection: Collection) -> list[Route]:
    """GET /v1.0/<set>, /v1.0/<set>/$count and /v1.0/<set>/{key}."""
    base = ctx.settings.endpoint
    entity_set = collection.entity_set

    async def listing(request: Request) -> Response:
        try:
            caller = _caller(ctx, collection, request)
            query = read_list_query(request, entity_set)
        except GraphError as error:
            return graph_error(request, error)
        return json_response(request, page(request, base, entity_set, collection.lister(caller), query))

    async def count(request: Request) -> Response:
        try:
            caller = _caller(ctx, collection, request)
            query = read_list_query(request, entity_set, counting=True)
        except GraphError as error:
            return graph_error(request, error)
        items = collection.lister(caller)
        matching = [i for i in items if query.predicate is None or query.predicate(i)]
        trace_id, correlation_id = ids(request)
        return PlainTextResponse(str(len(matching)),
                                 headers={"x-ms-request-id": trace_id, "client-request-id": correlation_id})

    path = f"/v1.0/{entity_set.name}"
    return [Route(path, listing, methods=["GET"]), Route(f"{path}/$count", count, methods=["GET"]),
            member_route(ctx, collection, f"{path}/{{key}}")]
