// Admin reads of accounts: pages of users/{uid} in a chosen order (cursor pagination, email
// prefix search), their quota documents for a period in one query per page, the heaviest users
// of a period, one user's months and recent requests, and whole-collection reads for exports.
// Only the lazily loaded admin area imports this; rules let admins alone list these collections.
import {
  QuotaDoc,
  USER_ROLES,
  UsageRecord,
  UserGrowth,
  UserProfile,
  quotaDocId,
} from "@ideaspark/domain";
import {
  collection,
  doc,
  documentId,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from "firebase/firestore";
import { z } from "zod";
import { db } from "./firestore";
import { parseDocs } from "./history";

/** users/{uid} as the admin area reads it: the profile plus role and growth (functions write). */
export const AdminUserDoc = UserProfile.extend({
  role: z.enum(USER_ROLES).default("member"),
  growth: UserGrowth.prefault({}),
});
export type AdminUserDoc = z.infer<typeof AdminUserDoc>;

export interface AdminUser {
  uid: string;
  user: AdminUserDoc;
}

/** The orders the users table offers, each one Firestore field. */
export const USER_SORT_FIELDS = {
  signedUp: "createdAt",
  allTimeCost: "growth.providerCostMicros",
  lastActive: "growth.lastActiveAt",
  requests: "growth.requests",
  email: "email",
} as const;
export type UserSort = keyof typeof USER_SORT_FIELDS;

/** Where a page starts: after this document of the previous page (opaque to callers). */
export type UsersCursor = QueryDocumentSnapshot;

export interface UsersPageRequest {
  sort: UserSort;
  descending: boolean;
  /** Only emails starting with this (then the order is by email). */
  emailPrefix: string;
  after: UsersCursor | null;
  pageSize: number;
}

export interface UsersPage {
  users: AdminUser[];
  /** Start of the next page; null on the last one. */
  next: UsersCursor | null;
}

// The highest code point Firestore compares: every string with the prefix sorts below prefix+it.
const PREFIX_END = "\uf8ff";

/**
 * One page of users. Firestore leaves out of an ordered query the documents without the
 * field, so an order by a growth field lists only users who have that figure.
 */
export async function listUsersPage(request: UsersPageRequest): Promise<UsersPage> {
  const { emailPrefix, after, pageSize } = request;
  const constraints: QueryConstraint[] = [];
  if (emailPrefix) {
    constraints.push(
      where("email", ">=", emailPrefix),
      where("email", "<", emailPrefix + PREFIX_END),
      orderBy("email", request.descending ? "desc" : "asc"),
    );
  } else {
    constraints.push(orderBy(USER_SORT_FIELDS[request.sort], request.descending ? "desc" : "asc"));
  }
  if (after) constraints.push(startAfter(after));
  // One more than a page tells whether there is a next page.
  constraints.push(limit(pageSize + 1));
  const snapshot = await getDocs(query(collection(db(), "users"), ...constraints));
  const docs = snapshot.docs.slice(0, pageSize);
  const users: AdminUser[] = [];
  for (const document of docs) {
    const parsed = AdminUserDoc.safeParse(document.data());
    if (parsed.success) users.push({ uid: document.id, user: parsed.data });
    else console.warn(`IdeaSpark skipped malformed ${document.ref.path}`, parsed.error.issues);
  }
  return { users, next: snapshot.docs.length > pageSize ? (docs.at(-1) ?? null) : null };
}

// Firestore's `in` takes at most 30 values.
const IN_LIMIT = 30;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** quotas/{uid}_{period} of the given users, by uid (one query per 30 users; missing = none). */
export async function loadQuotas(
  uids: readonly string[],
  period: string,
): Promise<Map<string, QuotaDoc>> {
  const ids = uids.map((uid) => quotaDocId(uid, period));
  const snapshots = await Promise.all(
    chunks(ids, IN_LIMIT).map((part) =>
      getDocs(query(collection(db(), "quotas"), where(documentId(), "in", part))),
    ),
  );
  const quotas = snapshots.flatMap((snapshot) => parseDocs(snapshot, QuotaDoc));
  return new Map(quotas.map(({ value }) => [value.uid, value]));
}

/** users/{uid} of the given uids, by uid (one query per 30; missing profiles are absent). */
export async function loadUsers(uids: readonly string[]): Promise<Map<string, AdminUserDoc>> {
  const snapshots = await Promise.all(
    chunks([...new Set(uids)], IN_LIMIT).map((part) =>
      getDocs(query(collection(db(), "users"), where(documentId(), "in", part))),
    ),
  );
  const users = snapshots.flatMap((snapshot) => parseDocs(snapshot, AdminUserDoc));
  return new Map(users.map(({ id, value }) => [id, value]));
}

/** The `max` quota documents of `period` with the highest provider cost, highest first. */
export async function loadHeaviestQuotas(period: string, max: number): Promise<QuotaDoc[]> {
  const snapshot = await getDocs(
    query(
      collection(db(), "quotas"),
      where("period", "==", period),
      orderBy("providerCostMicros", "desc"),
      limit(max),
    ),
  );
  return parseDocs(snapshot, QuotaDoc).map(({ value }) => value);
}

/** users/{uid}; null when there is no profile. A malformed one is an error, not a blank page. */
export async function loadUser(uid: string): Promise<AdminUserDoc | null> {
  const snapshot = await getDoc(doc(db(), "users", uid));
  if (!snapshot.exists()) return null;
  const parsed = AdminUserDoc.safeParse(snapshot.data());
  if (!parsed.success) throw new Error(`users/${uid} is malformed: ${parsed.error.message}`);
  return parsed.data;
}

/** One user's newest `max` usage records, newest first (index: uid, createdAt desc). */
export async function loadRecentUsage(uid: string, max: number): Promise<UsageRecord[]> {
  const snapshot = await getDocs(
    query(
      collection(db(), "usage"),
      where("uid", "==", uid),
      orderBy("createdAt", "desc"),
      limit(max),
    ),
  );
  return parseDocs(snapshot, UsageRecord).map(({ value }) => value);
}

/** One user's quota documents of the given periods, by period. */
export async function loadUserMonths(
  uid: string,
  periods: readonly string[],
): Promise<Map<string, QuotaDoc>> {
  const snapshot = await getDocs(
    query(
      collection(db(), "quotas"),
      where(
        documentId(),
        "in",
        periods.map((period) => quotaDocId(uid, period)),
      ),
    ),
  );
  return new Map(parseDocs(snapshot, QuotaDoc).map(({ value }) => [value.period, value]));
}

/**
 * Reads a whole query in pages of `chunk` documents (cursor after the last of each page). A
 * malformed document fails the read: an export must not be silently incomplete.
 */
async function readAll<S extends z.ZodType>(
  constraints: QueryConstraint[],
  path: string,
  schema: S,
  chunk: number,
  onProgress?: (read: number) => void,
): Promise<{ id: string; value: z.infer<S> }[]> {
  const out: { id: string; value: z.infer<S> }[] = [];
  let after: QueryDocumentSnapshot | null = null;
  for (;;) {
    const page: QueryConstraint[] = after ? [startAfter(after), limit(chunk)] : [limit(chunk)];
    const snapshot = await getDocs(query(collection(db(), path), ...constraints, ...page));
    for (const document of snapshot.docs) {
      const parsed = schema.safeParse(document.data());
      if (!parsed.success) {
        throw new Error(`${document.ref.path} is malformed: ${parsed.error.message}`);
      }
      out.push({ id: document.id, value: parsed.data });
    }
    onProgress?.(out.length);
    if (snapshot.docs.length < chunk) return out;
    after = snapshot.docs.at(-1) ?? null;
  }
}

export const EXPORT_CHUNK = 500;

/** Every user, in sign-up order, read 500 at a time. */
export async function loadAllUsers(onProgress?: (read: number) => void): Promise<AdminUser[]> {
  const users = await readAll(
    [orderBy("createdAt", "asc")],
    "users",
    AdminUserDoc,
    EXPORT_CHUNK,
    onProgress,
  );
  return users.map(({ id, value }) => ({ uid: id, user: value }));
}

/** Every quota document of `period`, by uid, read 500 at a time. */
export async function loadPeriodQuotas(period: string): Promise<Map<string, QuotaDoc>> {
  const quotas = await readAll(
    [where("period", "==", period), orderBy(documentId())],
    "quotas",
    QuotaDoc,
    EXPORT_CHUNK,
  );
  return new Map(quotas.map(({ value }) => [value.uid, value]));
}

/** Every usage record of `period`, newest first, read 500 at a time (index: period, createdAt). */
export async function loadPeriodUsage(
  period: string,
  onProgress?: (read: number) => void,
): Promise<UsageRecord[]> {
  const records = await readAll(
    [where("period", "==", period), orderBy("createdAt", "desc")],
    "usage",
    UsageRecord,
    EXPORT_CHUNK,
    onProgress,
  );
  return records.map(({ value }) => value);
}
