"""Fake GlobalAI OPC (kyyReactApiServer): create a Sora task, read it from the shared result route.

Lifecycle queued -> processing -> completed (video_url, actualDuration) | failed (`error` as a plain string),
https://docs.globalaiopc.com/en/api-reference/video/sora/sora-query. `video_url` and `error` are present as
null until they apply, as the old query page's processing example shows. Errors use the business envelope
documented for other routes of the same server, `{"code", "msg", "data"}` (decision G9).
"""

from __future__ import annotations

import secrets
from typing import Any

from sora_sandbox._provider import Behaviour as BaseBehaviour
from sora_sandbox._provider import Call, Reply, handles
from sora_sandbox._tasks import Phase, Task


class Behaviour(BaseBehaviour):
    """GlobalAI OPC fake."""

    default_key = "sandbox-globalaiopc-0123456789"

    def error(self, status: int, code: str, message: str) -> Reply:
        """`{"code": "<status>", "msg": reason, "data": null}` (code "0" means success on this server)."""
        return Reply(status, {"code": str(status), "msg": message, "data": None})

    def auth_error(self, missing: bool) -> Reply:
        """401 in the business envelope."""
        return self.error(401, "unauthorized", "Missing API key." if missing else "Invalid API key.")

    def render(self, task: Task, call: Call) -> dict[str, Any]:
        """The task as the result route returns it."""
        view = self.view(task)
        status = {
            Phase.QUEUED: "queued",
            Phase.RUNNING: "processing",
            Phase.SUCCEEDED: "completed",
            Phase.FAILED: "failed",
        }[view.phase]
        body: dict[str, Any] = {
            "id": task.id,
            "object": "video.generation",
            "created": int(task.created),
            "model": task.model,
            "status": status,
            "video_url": self.media_url(call, task, "mp4") if view.phase is Phase.SUCCEEDED else None,
            "error": "Video generation failed (sandbox)." if view.phase is Phase.FAILED else None,
        }
        if view.phase is Phase.SUCCEEDED:
            body["actualDuration"] = task.duration_s
        return body

    @handles("createSoraVideo")
    async def create_sora_video(self, call: Call) -> Reply:
        """Create a task (size, else aspect_ratio, else the documented default size)."""
        body = call.json
        size = body.get("size") or {"16:9": "1280x720", "9:16": "720x1280"}.get(body.get("aspect_ratio", ""))
        size = size or self.spec.documented_default(call.operation_id, "size")
        landscape = size == "1280x720"
        long_side, short_side = self.config.video_long_side, self.config.video_short_side
        task = Task(
            provider=self.provider_id,
            id=f"sora_{secrets.token_hex(6)}",
            api_key=call.api_key,
            model=body["model"],
            prompt=body["prompt"],
            width=long_side if landscape else short_side,
            height=short_side if landscape else long_side,
            duration_s=int(body.get("seconds") or body.get("duration")),
            created=self.store.clock.now(),
            fails=self.fails(call, body["prompt"]),
            request=dict(body),
        )
        self.store.add(task)
        return Reply(
            200,
            {
                "id": task.id,
                "object": "video.generation",
                "created": int(task.created),
                "model": task.model,
                "status": "queued",
            },
        )

    @handles("getResult")
    async def get_result(self, call: Call) -> Reply:
        """The task (404 in the business envelope for an unknown or foreign id)."""
        task = self.owned_task(call, call.path_params["id"])
        if task is None:
            return self.error(404, "not_found", "Task not found.")
        return Reply(200, self.render(task, call))
