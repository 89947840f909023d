// Contracts of the `adminSetRole` callable and the pure claim arithmetic behind it (shared
// with `npm run admin:grant`): the `admin` custom claim is set or cleared, other claims kept.
import { z } from "zod";
import { Uid } from "./admin.js";
import { strictObject } from "./fields.js";

export const USER_ROLES = ["member", "admin"] as const;
/** What users/{uid}.role records: "admin" while the `admin: true` claim is set. */
export type UserRole = (typeof USER_ROLES)[number];

/** `adminSetRole` request: give (`admin: true`) or take away (`false`) the admin role. */
export const AdminSetRoleRequest = strictObject("request", {
  uid: Uid,
  admin: z.boolean({ error: "admin must be true or false" }),
});
export type AdminSetRoleRequest = z.infer<typeof AdminSetRoleRequest>;

/** `adminSetRole` answer. */
export const AdminSetRoleResult = z.object({ uid: z.string(), admin: z.boolean() });
export type AdminSetRoleResult = z.infer<typeof AdminSetRoleResult>;

export function roleOf(admin: boolean): UserRole {
  return admin ? "admin" : "member";
}

/** True when a user's custom claims make them an admin (only the boolean `true` counts). */
export function hasAdminClaim(claims: Readonly<Record<string, unknown>> | null | undefined) {
  return claims?.admin === true;
}

/**
 * The custom claims after giving or taking the admin role: every other claim is kept;
 * taking it removes the key rather than storing `admin: false`.
 */
export function withAdminClaim(
  claims: Readonly<Record<string, unknown>> | null | undefined,
  admin: boolean,
): Record<string, unknown> {
  const { admin: _previous, ...others } = claims ?? {};
  return admin ? { ...others, admin: true } : others;
}

/** Why an admin may not take away their own role (so the app never loses its last admin). */
export const SELF_DEMOTION_MESSAGE =
  "You can't remove your own admin role. Ask another admin to do it.";
