// Contracts of the `adminSetRole` callable and the pure role arithmetic behind it (shared
// with `npm run admin:grant`): the `admin` custom claim is set or cleared, other claims kept,
// and the server-written roles/{uid} document that makes the role current (AdminRoleDoc).
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

/** Where the current admin role of `uid` lives: written and deleted by the server only. */
export function adminRolePath(uid: string): string {
  return `roles/${uid}`;
}

/**
 * roles/{uid}: present exactly while the person is an admin. The claim alone lasts as long as
 * an ID token (up to an hour); this document is deleted at once on demotion, so rules and admin
 * callables require both.
 */
export const AdminRoleDoc = strictObject("roles document", {
  admin: z.literal(true, { error: "admin must be true" }),
  /** When the role was (last) granted, ms since epoch. */
  grantedAt: z.number().int().nonnegative(),
  /** The granting admin's uid, or the tool that granted it ("admin:grant", "seed"). */
  grantedBy: z.string().min(1),
});
export type AdminRoleDoc = z.infer<typeof AdminRoleDoc>;

export function adminRoleDoc(grantedBy: string, nowMs: number): AdminRoleDoc {
  return AdminRoleDoc.parse({ admin: true, grantedAt: nowMs, grantedBy });
}

/** What the server knows of someone's role: their claims and whether roles/{uid} exists. */
export interface AdminRoleState {
  claims: Readonly<Record<string, unknown>> | null | undefined;
  roleDocExists: boolean;
}

/** An admin now: the claim (in their token) and the roles document (server state) together. */
export function isAdminNow(state: AdminRoleState): boolean {
  return hasAdminClaim(state.claims) && state.roleDocExists;
}

/**
 * True when giving (`admin`) or taking away (`!admin`) the role would change nothing: a grant
 * needs both the claim and the document, a revoke neither. A half state (a claim without its
 * document, or the reverse) is always completed.
 */
export function roleAlreadyIs(state: AdminRoleState, admin: boolean): boolean {
  return hasAdminClaim(state.claims) === admin && state.roleDocExists === admin;
}

/** True when taking the role away must also end the person's sessions (they held part of it). */
export function heldAnyAdminRole(state: AdminRoleState): boolean {
  return hasAdminClaim(state.claims) || state.roleDocExists;
}
