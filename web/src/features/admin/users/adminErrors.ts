// What to show when an admin action fails: the server's own explanation for the codes where it
// gives one (unknown user, no profile yet, self-demotion), plain words for the rest.
const BY_CODE: Record<string, string> = {
  "permission-denied":
    "Only administrators can do this. If your admin role was just given or taken away, sign in again.",
  unauthenticated: "Your session has expired. Sign in again and retry.",
  unavailable: "The service cannot be reached right now. Try again in a moment.",
  "deadline-exceeded": "That took too long. Try again.",
};

const SERVER_EXPLAINS = new Set(["not-found", "failed-precondition", "invalid-argument"]);

export function describeAdminError(error: unknown): string {
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code).replace(/^(functions|firestore)\//, "")
      : "";
  const message = error instanceof Error ? error.message : "";
  if (SERVER_EXPLAINS.has(code) && message) return message;
  if (BY_CODE[code]) return BY_CODE[code];
  if (message) return message;
  return "Something went wrong. Try again.";
}
