// Contracts of the admin-only callables.
import { z } from "zod";
import { PLAN_IDS } from "./config.js";
import { strictObject } from "./fields.js";

/** A Firebase Auth uid as a callable argument: 1–128 characters, no slashes. */
export const Uid = z
  .string({ error: "uid must be a string" })
  .min(1, { error: "uid must not be empty" })
  .max(128, { error: "uid must be at most 128 characters" })
  .regex(/^[^/\s]+$/, { error: "uid must not contain slashes or spaces" });

/** `adminSetPlan` request: move a user to a plan. */
export const AdminSetPlanRequest = strictObject("request", {
  uid: Uid,
  plan: z.enum(PLAN_IDS, { error: `plan must be one of: ${PLAN_IDS.join(", ")}` }),
});
export type AdminSetPlanRequest = z.infer<typeof AdminSetPlanRequest>;

/** `adminSetPlan` answer. */
export const AdminSetPlanResult = z.object({ uid: z.string(), plan: z.enum(PLAN_IDS) });
export type AdminSetPlanResult = z.infer<typeof AdminSetPlanResult>;
