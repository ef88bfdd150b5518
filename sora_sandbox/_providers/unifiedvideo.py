"""Fake reseller of the Apifox "统一视频格式" (unified video format): create, then query by `?id=`.

Lifecycle pending -> processing -> completed | failed (the spec's UnifiedVideoStatus; "processing" is one of
octopusx's common values, https://docs.octopusx.ai/en/videos/sora/unified-query). `progress` alternates
between the string form ("40", octopusx) and the integer form (40) from one poll to the next, so clients
meet both (decision U6). Errors use the OpenAI/New-API envelope the spec accepts (decision U-x2).
"""

from __future__ import annotations

import secrets
from typing import Any

from sora_sandbox._provider import Behaviour as BaseBehaviour
from sora_sandbox._provider import Call, Reply, handles
from sora_sandbox._tasks import Phase, Task

_ULID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def task_id() -> str:
    """`sora-2:task_<26 chars>`, the documented id form (also for sora-2-pro)."""
    return "sora-2:task_" + "".join(secrets.choice(_ULID_ALPHABET) for _ in range(26))


class Behaviour(BaseBehaviour):
    """Unified video format fake."""

    default_key = "sk-sandbox-unifiedvideo-0123456789"

    def error(self, status: int, code: str, message: str) -> Reply:
        """`{"error": {"message", "type", "param", "code"}}`."""
        kind = "invalid_request_error" if status < 500 else "upstream_error"
        return Reply(status, {"error": {"message": message, "type": kind, "param": None, "code": code}})

    def auth_error(self, missing: bool) -> Reply:
        """401 (the status a sibling reseller documents for a bad key)."""
        return self.error(401, "invalid_api_key", "Missing bearer token." if missing else "Invalid token.")

    def render(self, call: Call, task: Task, poll: int) -> dict[str, Any]:
        """The query payload in the documented shape for the task's state."""
        view = self.view(task)
        status = {
            Phase.QUEUED: "pending",
            Phase.RUNNING: "processing",
            Phase.SUCCEEDED: "completed",
            Phase.FAILED: "failed",
        }[view.phase]
        percent = round(view.progress * 100)
        body: dict[str, Any] = {
            "id": task.id,
            "object": "video",
            "model": task.model,
            "status": status,
            "progress": str(percent) if poll % 2 == 0 else percent,
            "created_at": int(task.created),
            "size": task.request.get("size"),
            "status_update_time": int(view.changed * 1000),
            "detail": {
                "input": {
                    k: task.request[k] for k in ("prompt", "model", "images", "orientation") if k in task.request
                },
                "pending_info": {"status": status, "progress_pct": round(view.progress, 2), "failure_reason": None},
            },
        }
        if view.phase is Phase.SUCCEEDED:
            body.update(
                video_url=self.media_url(call, task, "mp4"),
                thumbnail_url=self.media_url(call, task, "png"),
                width=task.width,
                height=task.height,
                enhanced_prompt=task.prompt,
            )
        if view.phase is Phase.FAILED:
            body["fail_reason"] = "The upstream generation failed (sandbox)."
        return body

    @handles("createVideo")
    async def create_video(self, call: Call) -> Reply:
        """Create a task: `{id, status: pending, status_update_time}` as in every documented example."""
        body = call.json
        long_side, short_side = self.config.video_long_side, self.config.video_short_side
        portrait = body["orientation"] == "portrait"
        task = Task(
            provider=self.provider_id,
            id=task_id(),
            api_key=call.api_key,
            model=body["model"],
            prompt=body["prompt"],
            width=short_side if portrait else long_side,
            height=long_side if portrait else short_side,
            duration_s=int(body["duration"]),
            created=self.store.clock.now(),
            fails=self.fails(call, body["prompt"]),
            request=dict(body),
        )
        self.store.add(task)
        return Reply(200, {"id": task.id, "status": "pending", "status_update_time": int(task.created * 1000)})

    @handles("queryVideo")
    async def query_video(self, call: Call) -> Reply:
        """The task's state (404 for an unknown or foreign id)."""
        task = self.owned_task(call, call.query["id"])
        if task is None:
            return self.error(404, "task_not_exist", "task_not_exist")
        return Reply(200, self.render(call, task, task.polls))
