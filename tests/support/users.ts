// Test users: each test signs up its own account in the Auth emulator (no shared state).
// They are verified (as if they had opened the link) unless a test asks for an unverified one:
// only verified people may spark.
import { createUserWithEmailAndPassword } from "firebase/auth";
import { randomUUID } from "node:crypto";
import { adminAuth } from "./admin.js";
import { webClient, type WebClient } from "./webClient.js";

export interface TestUser extends WebClient {
  uid: string;
  email: string;
}

export async function signUpTestUser(
  label = "user",
  options: { verified?: boolean } = {},
): Promise<TestUser> {
  const client = webClient();
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const credential = await createUserWithEmailAndPassword(client.auth, email, "a-long-password-1");
  if (options.verified ?? true) {
    await adminAuth().updateUser(credential.user.uid, { emailVerified: true });
    // A fresh ID token carries email_verified.
    await credential.user.getIdToken(true);
  }
  return { ...client, uid: credential.user.uid, email };
}
