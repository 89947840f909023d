// The test-control API under /__control: health, the fault queues, the request log, the
// billing totals and the prompt cache.
// Unauthenticated and local-only; answers plain JSON (errors as { error: { message } }).
import { parseFaults } from "./faults.js";
import { sendJson } from "./http.js";
import type { RouteContext } from "./routeContext.js";

export function handleControl(ctx: RouteContext, method: string, path: string): void {
  const { res, state } = ctx;
  const route = `${method} ${path}`;
  switch (route) {
    case "GET /__control/health":
      return sendJson(res, 200, { ok: true, inFlight: state.inFlight.size - 1 });
    case "POST /__control/faults": {
      const parsed = parseFaults(ctx.body);
      if (!parsed.ok) return sendJson(res, 400, { error: { message: parsed.message } });
      state.faults.push(parsed.faults);
      const queued = state.faults.snapshot();
      return sendJson(res, 200, {
        added: parsed.faults.length,
        queued: { responses: queued.responses.length, moderations: queued.moderations.length },
      });
    }
    case "GET /__control/faults":
      return sendJson(res, 200, state.faults.snapshot());
    case "DELETE /__control/faults":
      return sendJson(res, 200, { cleared: state.faults.clear() });
    case "GET /__control/requests":
      return sendJson(res, 200, state.log.list());
    case "DELETE /__control/requests":
      return sendJson(res, 200, { cleared: state.log.clear() });
    case "GET /__control/billing":
      return sendJson(res, 200, state.billing.snapshot());
    case "DELETE /__control/billing":
      return sendJson(res, 200, state.billing.reset());
    case "DELETE /__control/prompt-cache":
      return sendJson(res, 200, { cleared: state.promptCache.clear() });
    default:
      return sendJson(res, 404, { error: { message: `No control route ${route}.` } });
  }
}
