"""A stand-in for the HTTP connection to a search cluster, answering with response bodies a test hands it.

This is NOT Elasticsearch and runs no query: it only returns, in order, the bodies it was given (written from
Elasticsearch's documented response formats) and remembers each request. It replaces the lowest layer only, the
`elastic_transport` node that would send bytes over HTTP; everything above it runs as in production: the
`Elasticsearch` client, its transport and JSON serializer, `elasticsearch.dsl` (Search, Response, Document) and
the backend's own parsing.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse
from elasticsearch import Elasticsearch

# What an Elasticsearch 8 node sends with every response; the client refuses a 2xx answer without the product header.
HEADERS = {
    "content-type": "application/vnd.elasticsearch+json; compatible-with=8",
    "x-elastic-product": "Elasticsearch",
}


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, list[str]]
    body: dict | list | None


@dataclass
class Recorded:
    """The replies still to give (or a function choosing one per request), and the requests received."""

    replies: list[tuple[int, object]] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    route: Callable[[Request], tuple[int, object]] | None = None

    def reply(self, body, status: int = 200) -> None:
        self.replies.append((status, body))

    def answer(self, method: str, target: str, body: bytes | None) -> tuple[int, bytes]:
        url = urlsplit(target)
        text = body.decode() if body else ""
        if url.path.endswith("/_bulk"):  # newline-delimited JSON
            parsed = [json.loads(line) for line in text.splitlines() if line]
        else:
            parsed = json.loads(text) if text else None
        request = Request(method, url.path, parse_qs(url.query), parsed)
        self.requests.append(request)
        if self.route is not None:
            status, reply = self.route(request)
            return status, b"" if reply is None else json.dumps(reply).encode()
        if not self.replies:
            raise AssertionError(f"no recorded reply left for {method} {target}")
        status, reply = self.replies.pop(0)
        return status, b"" if reply is None else json.dumps(reply).encode()


def recorded_client(recorded: Recorded) -> Elasticsearch:
    class RecordedNode(BaseNode):
        _CLIENT_META_HTTP_CLIENT = ("rn", "0")

        def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
            status, payload = recorded.answer(method, target, body)
            meta = ApiResponseMeta(
                status=status, http_version="1.1", headers=HttpHeaders(HEADERS), duration=0.0, node=self.config
            )
            return NodeApiResponse(meta, payload)

    return Elasticsearch("http://recorded.invalid:9200", node_class=RecordedNode, max_retries=0)
