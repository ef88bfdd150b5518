"""Walk two OpenAPI documents operation by operation and collect the semantic changes.

Endpoints are matched on method + path with path parameters anonymised (`/tasks/{id}` and
`/tasks/{taskId}` are one endpoint, because the URL a client calls is the same). Inside an operation
the walk compares metadata (operationId, tags, deprecation), security, parameters, the request body
and the responses; schemas are handed to `SchemaDiff` with the direction the data flows. Webhook
payloads (OpenAPI 3.1 `webhooks`) are received by the client, so they are compared like responses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator._speclib import HTTP_METHODS, PATH_TEMPLATE, endpoint_key
from generator.spec_diff import _security as security
from generator.spec_diff._lifecycle import (
    STABILITY,
    SUNSET,
    parameter_removal_rule,
    parameter_sunset_rule,
    removal_rule,
    stability_rules,
    sunset_rule,
)
from generator.spec_diff._model import Change, JsonPath
from generator.spec_diff._resolve import Resolver, Sameness
from generator.spec_diff._schema import Emitter, SchemaDiff, Side, show


@dataclass(frozen=True)
class Operation:
    """One operation of a document, with the path item it lives in."""

    method: str
    path: str
    node: dict[str, Any]
    path_item: dict[str, Any]
    webhook: bool = False

    @property
    def label(self) -> str:
        """`POST /api/v1/generations`, or `WEBHOOK generation.succeeded` for a webhook."""
        return f"WEBHOOK {self.path}" if self.webhook else f"{self.method.upper()} {self.path}"

    @property
    def json_path(self) -> JsonPath:
        """Where the operation sits in its document."""
        return ("webhooks" if self.webhook else "paths", self.path, self.method)


def operations(document: Mapping[str, Any], section: str = "paths") -> dict[tuple[str, str], Operation]:
    """Every operation under `paths` (or `webhooks`), keyed by `endpoint_key`."""
    resolver = Resolver(document)
    found: dict[tuple[str, str], Operation] = {}
    for path, raw_item in (document.get(section) or {}).items():
        item, _ = resolver.resolve(raw_item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), Mapping):
                key = (method, path) if section == "webhooks" else endpoint_key(method, path)
                found[key] = Operation(method, path, item[method], item, section == "webhooks")
    return found


def diff_documents(base: Mapping[str, Any], revision: Mapping[str, Any], provider: str) -> list[Change]:
    """All semantic changes from `base` to `revision`, in report order."""
    walk = _DocumentDiff(base, revision, provider)
    walk.run()
    return sorted(walk.changes, key=Change.sort_key)


class _DocumentDiff:
    def __init__(self, base: Mapping[str, Any], revision: Mapping[str, Any], provider: str) -> None:
        self._base_doc, self._rev_doc = base, revision
        self._base, self._rev = Resolver(base), Resolver(revision)
        self._provider = provider
        self._rev_keys: set[tuple[str, str]] = set()
        self._same = Sameness(self._base, self._rev)
        self._same_security = base.get("security") == revision.get("security")
        self.changes: list[Change] = []

    def run(self) -> None:
        emitter = Emitter(self._provider)
        security.compare(emitter, self._base_doc, self._rev_doc, ("security",), "api-global")
        security.compare_schemes(emitter, self._base_doc, self._rev_doc)
        self.changes.extend(emitter.changes)
        for section in ("paths", "webhooks"):
            old, new = operations(self._base_doc, section), operations(self._rev_doc, section)
            self._rev_keys = set(new)
            for key in sorted(old.keys() | new.keys()):
                self._endpoint(old.get(key), new.get(key))

    def _endpoint(self, old: Operation | None, new: Operation | None) -> None:
        shown = new or old
        assert shown is not None
        emitter = Emitter(self._provider, shown.label)
        path = shown.json_path
        if new is None:
            if shown.webhook:
                emitter.emit("webhook-removed", path, f"webhook {shown.path} ({shown.method.upper()}) removed")
            else:
                whole_path = not any(k[1] == endpoint_key("get", shown.path)[1] for k in self._rev_keys)
                rule = removal_rule(shown.node, whole_path)
                if rule is not None:
                    emitter.emit(rule, path, f"{shown.label} removed ({rule.removeprefix('api-').replace('-', ' ')})")
        elif old is None:
            rule = "webhook-added" if shown.webhook else "endpoint-added"
            emitter.emit(rule, path, f"{shown.label} added (operationId {show(new.node.get('operationId'))})")
        elif self._unchanged(old, new):
            return
        elif shown.webhook:
            self._webhook_payload(emitter, old, new)
        else:
            self._metadata(emitter, old, new)
            self._security(emitter, old, new)
            self._parameters(emitter, old, new)
            self._request_body(emitter, old, new)
            self._responses(emitter, old, new)
            if old.node != new.node:  # oasdiff judges stability on the operations that changed
                for rule in stability_rules(old.node, new.node):
                    message = (
                        f"{new.label}: {STABILITY} {show(old.node.get(STABILITY))} -> {show(new.node.get(STABILITY))}"
                    )
                    emitter.emit(rule, (*shown.json_path, STABILITY), message)
        self.changes.extend(emitter.changes)

    def _unchanged(self, old: Operation, new: Operation) -> bool:
        """Nothing a client sees differs: the operation, its path-level parameters and the global security."""
        params = (old.path_item.get("parameters"), new.path_item.get("parameters"))
        return self._same_security and self._same.same(old.node, new.node) and self._same.same(*params)

    def _metadata(self, emitter: Emitter, old: Operation, new: Operation) -> None:
        path = new.json_path
        old_id, new_id = old.node.get("operationId"), new.node.get("operationId")
        if old_id != new_id:
            if old_id is not None:
                emitter.emit(
                    "api-operation-id-removed",
                    (*path, "operationId"),
                    f"operationId changed (renames the generated function): {show(old_id)} -> {show(new_id)}",
                )
            else:
                emitter.emit(
                    "api-operation-id-added", (*path, "operationId"), f"operationId added: none -> {show(new_id)}"
                )
        old_tags, new_tags = list(old.node.get("tags") or []), list(new.node.get("tags") or [])
        for tag in old_tags:
            if tag not in new_tags:
                emitter.emit(
                    "api-tag-removed", (*path, "tags"), f"tag {show(tag)} removed: {show(old_tags)} -> {show(new_tags)}"
                )
        for tag in new_tags:
            if tag not in old_tags:
                emitter.emit(
                    "api-tag-added", (*path, "tags"), f"tag {show(tag)} added: {show(old_tags)} -> {show(new_tags)}"
                )
        was, now = old.node.get("deprecated") is True, new.node.get("deprecated") is True
        if was != now:
            rule = "endpoint-deprecated" if now else "endpoint-reactivated"
            if now and SUNSET in new.node:
                rule = "endpoint-deprecated-with-sunset"
            emitter.emit(
                rule, (*path, "deprecated"), f"{new.label} {rule.split('-')[1]}: deprecated {show(was)} -> {show(now)}"
            )
        sunset = sunset_rule(old.node, new.node)
        if sunset is not None:
            message = f"{new.label}: {SUNSET} {show(old.node.get(SUNSET))} -> {show(new.node.get(SUNSET))}"
            emitter.emit(sunset, (*path, SUNSET), message)

    def _security(self, emitter: Emitter, old: Operation, new: Operation) -> None:
        path = (*new.json_path, "security")
        security.compare(emitter, old.node, new.node, path, "api", self._rev_doc.get("security"))
        before = security.effective(old.node, self._base_doc)
        after = security.effective(new.node, self._rev_doc)
        security.anonymous_access_removed(emitter, before, after, path)

    def _parameters(self, emitter: Emitter, old: Operation, new: Operation) -> None:
        before, after = _parameters(old, self._base), _parameters(new, self._rev)
        for key in sorted(before.keys() | after.keys()):
            was, now = before.get(key), after.get(key)
            shown = now or was
            assert shown is not None
            where, name = str(shown.get("in")), str(shown.get("name"))
            path = (*new.json_path, "parameters", f"{where}:{name}")
            subject = f"{where} parameter `{name}`"
            if now is None:
                state = "required" if shown.get("required") else "optional"
                rule = parameter_removal_rule(shown)
                if rule is not None:
                    emitter.emit(rule, path, f"{subject} removed: {state} -> absent")
            elif was is None:
                if where == "path":
                    rule = "new-request-path-parameter"
                else:
                    rule = "new-required-request-parameter" if now.get("required") else "new-optional-request-parameter"
                emitter.emit(
                    rule, path, f"{subject} added: absent -> {'required' if now.get('required') else 'optional'}"
                )
            else:
                old_req, new_req = bool(was.get("required")), bool(now.get("required"))
                if old_req != new_req:
                    state, old_state = ("required", "optional") if new_req else ("optional", "required")
                    emitter.emit(
                        f"request-parameter-became-{state}", path, f"{subject} became {state}: {old_state} -> {state}"
                    )
                sunset = parameter_sunset_rule(was, now)
                if sunset is not None:
                    message = f"{subject}: {SUNSET} {show(was.get(SUNSET))} -> {show(now.get(SUNSET))}"
                    emitter.emit(sunset, (*path, SUNSET), message)
                if (was.get("deprecated") is True) != (now.get("deprecated") is True):
                    verb = "deprecated" if now.get("deprecated") is True else "reactivated"
                    emitter.emit(f"request-parameter-{verb}", (*path, "deprecated"), f"{subject} {verb}")
                side = Side(
                    sent=True,
                    root_prefix="request-parameter",
                    subject=subject,
                    context=f" of {subject}",
                    location=where,
                    required_parameter=old_req and new_req,
                )
                SchemaDiff(emitter, side, self._base, self._rev, self._same).compare(
                    was.get("schema", {}), now.get("schema", {}), (*path, "schema")
                )

    def _request_body(self, emitter: Emitter, old: Operation, new: Operation) -> None:
        path = (*new.json_path, "requestBody")
        before = self._base.resolve(old.node["requestBody"])[0] if "requestBody" in old.node else None
        after = self._rev.resolve(new.node["requestBody"])[0] if "requestBody" in new.node else None
        if before is None and after is None:
            return
        if before is None:
            state = "required" if after and after.get("required") else "optional"
            emitter.emit(f"request-body-added-{state}", path, f"request body added: absent -> {state}")
            return
        if after is None:
            state = "required" if before.get("required") else "optional"
            emitter.emit("request-body-removed", path, f"request body removed: {state} -> absent")
            return
        old_req, new_req = bool(before.get("required")), bool(after.get("required"))
        if old_req != new_req:
            state, old_state = ("required", "optional") if new_req else ("optional", "required")
            emitter.emit(
                f"request-body-became-{state}",
                (*path, "required"),
                f"request body became {state}: {old_state} -> {state}",
            )
        side = Side(sent=True, root_prefix="request-body", subject="request body")
        self._content(emitter, side, before, after, path, "request-body-media-type", "request body")

    def _responses(self, emitter: Emitter, old: Operation, new: Operation) -> None:
        before: dict[str, Any] = {str(k): v for k, v in (old.node.get("responses") or {}).items()}
        after: dict[str, Any] = {str(k): v for k, v in (new.node.get("responses") or {}).items()}
        for old_status, new_status in _pair_statuses(before, after):
            status = new_status or old_status
            assert status is not None
            path = (*new.json_path, "responses", status)
            kind = "success" if status.startswith("2") else "non-success"
            if new_status is None:
                message = f"{kind} response {status} removed: {status} -> absent"
                emitter.emit(f"response-{kind}-status-removed", path, message)
            elif old_status is None:
                message = f"{kind} response {status} added: absent -> {status}"
                emitter.emit(f"response-{kind}-status-added", path, message)
            else:
                was, now = self._base.resolve(before[old_status])[0], self._rev.resolve(after[new_status])[0]
                side = Side(False, "response-body", f"response body (status {status})", f" (status {status})")
                self._content(emitter, side, was, now, path, "response-media-type", f"response {status}")
                self._headers(emitter, was, now, path, status)

    def _headers(
        self, emitter: Emitter, was: Mapping[str, Any], now: Mapping[str, Any], path: JsonPath, status: str
    ) -> None:
        before = {str(k).lower(): self._base.resolve(v)[0] for k, v in (was.get("headers") or {}).items()}
        after = {str(k).lower(): self._rev.resolve(v)[0] for k, v in (now.get("headers") or {}).items()}
        for name in sorted(before.keys() | after.keys()):
            header_path = (*path, "headers", name)
            old, new = before.get(name), after.get(name)
            subject = f"response header `{name}` (status {status})"
            if new is None:
                state = "required" if old and old.get("required") else "optional"
                emitter.emit(f"{state}-response-header-removed", header_path, f"{subject} removed: {state} -> absent")
            elif old is None:
                emitter.emit("response-header-added", header_path, f"{subject} added")
            else:
                if old.get("required") is True and new.get("required") is not True:
                    emitter.emit("response-header-became-optional", header_path, f"{subject} became optional")
                side = Side(False, "response-header", subject, f" of {subject}")
                SchemaDiff(emitter, side, self._base, self._rev, self._same).compare(
                    old.get("schema", {}), new.get("schema", {}), (*header_path, "schema")
                )

    def _webhook_payload(self, emitter: Emitter, old: Operation, new: Operation) -> None:
        was = self._base.resolve(old.node.get("requestBody", {}))[0]
        now = self._rev.resolve(new.node.get("requestBody", {}))[0]
        side = Side(False, "response-body", "webhook payload", " (webhook payload)")
        self._content(emitter, side, was, now, (*new.json_path, "requestBody"), "response-media-type", "webhook")

    def _content(
        self,
        emitter: Emitter,
        side: Side,
        was: Mapping[str, Any],
        now: Mapping[str, Any],
        path: JsonPath,
        media_rule: str,
        subject: str,
    ) -> None:
        before: dict[str, Any] = dict(was.get("content") or {})
        after: dict[str, Any] = dict(now.get("content") or {})
        for media in sorted(before.keys() | after.keys()):
            media_path = (*path, "content", media)
            if media not in after:
                emitter.emit(f"{media_rule}-removed", media_path, f"{subject}: media type removed: {media} -> absent")
            elif media not in before:
                emitter.emit(f"{media_rule}-added", media_path, f"{subject}: media type added: absent -> {media}")
            else:
                old_schema = (before[media] or {}).get("schema", {})
                new_schema = (after[media] or {}).get("schema", {})
                typed = replace(side, strongly_typed=_is_json(media))
                SchemaDiff(emitter, typed, self._base, self._rev, self._same).compare(
                    old_schema, new_schema, (*media_path, "schema")
                )


def _is_json(media: str) -> bool:
    """JSON keeps `1` and `"1"` apart; in a form or text body every scalar travels as text."""
    base = media.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def _pair_statuses(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[tuple[str | None, str | None]]:
    """Pair response statuses: equal codes, then a range with a code inside it (`2XX` and `201`)."""
    pairs: list[tuple[str | None, str | None]] = [(s, s) for s in sorted(before.keys() & after.keys())]
    left = sorted(before.keys() - after.keys())
    right = sorted(after.keys() - before.keys())
    for old in list(left):
        new = next((n for n in right if _in_range(old, n) or _in_range(n, old)), None)
        if new is not None:
            # A documented range narrowed to a code (or widened back): the same response to a client.
            pairs.append((old, new))
            left.remove(old)
            right.remove(new)
    pairs += [(s, None) for s in left] + [(None, s) for s in right]
    return sorted(pairs, key=lambda pair: str(pair[1] or pair[0]))


def _in_range(status_range: str, code: str) -> bool:
    return len(status_range) == 3 and status_range.upper().endswith("XX") and code[:1] == status_range[:1]


def _parameters(op: Operation, resolver: Resolver) -> dict[tuple[str, str], dict[str, Any]]:
    """Path-item and operation parameters (the operation's win), keyed so renamed path params match."""
    path_names = [m.group(0)[1:-1] for m in PATH_TEMPLATE.finditer(op.path)]
    found: dict[tuple[str, str], dict[str, Any]] = {}
    seen_path_params = 0
    for raw in [*(op.path_item.get("parameters") or []), *(op.node.get("parameters") or [])]:
        param, _ = resolver.resolve(raw)
        where, name = str(param.get("in")), str(param.get("name"))
        if where == "path":
            # By position in the template: the name never reaches the wire. A name missing from the
            # template (an upstream operation re-keyed to our path) falls back to declaration order.
            position = path_names.index(name) if name in path_names else seen_path_params
            seen_path_params += 1
            key = (where, f"#{position}")
        else:
            key = (where, name.lower() if where == "header" else name)  # header names are case-insensitive
        found[key] = param
    return found
