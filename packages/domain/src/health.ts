// The `health` callable's contract: a cheap end-to-end probe of every layer.
import { z } from "zod";

/** What the client may send to `health` (nothing, or an optional echo string). */
export const HealthRequest = z.object({ echo: z.string().max(200).optional() }).strict();
export type HealthRequest = z.infer<typeof HealthRequest>;

/** What `health` answers: service status, whether Firestore answered, and who asked. */
export const HealthResponse = z.object({
  status: z.literal("ok"),
  version: z.string(),
  region: z.string(),
  firestore: z.enum(["ok", "unreachable"]),
  uid: z.string().nullable(),
  echo: z.string().optional(),
  time: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
