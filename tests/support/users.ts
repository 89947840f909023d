// Test users: each test signs up its own account in the Auth emulator (no shared state).
import { createUserWithEmailAndPassword } from "firebase/auth";
import { randomUUID } from "node:crypto";
import { webClient, type WebClient } from "./webClient.js";

export interface TestUser extends WebClient {
  uid: string;
  email: string;
}

export async function signUpTestUser(label = "user"): Promise<TestUser> {
  const client = webClient();
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const credential = await createUserWithEmailAndPassword(client.auth, email, "a-long-password-1");
  return { ...client, uid: credential.user.uid, email };
}
