// Test doubles for the Firebase-facing modules the shell loads (src/data/auth, src/data/profile),
// and helpers to put the app-wide auth store into a given state. Use with:
//   vi.mock("../data/auth", () => fakeAuthModule);  (path relative to the test file)
import { vi } from "vitest";
import type { SessionUser } from "../data/auth";
import { authStore, type AuthState } from "../features/auth/authStore";

export const fakeAuthModule = {
  onSessionChanged: () => () => {},
  refreshSession: vi.fn(() => Promise.resolve()),
  signOut: vi.fn(() => Promise.resolve()),
  signInWithEmail: vi.fn(),
  signUpWithEmail: vi.fn(),
  signInWithGoogle: vi.fn(),
  sendPasswordReset: vi.fn(() => Promise.resolve()),
  setAuthDisplayName: vi.fn(() => Promise.resolve()),
  reauthenticate: vi.fn(() => Promise.resolve()),
  resendVerificationEmail: vi.fn(() => Promise.resolve()),
  confirmEmailVerified: vi.fn(() => Promise.resolve(true)),
};

export const fakeProfileModule = {
  profileExists: vi.fn(() => Promise.resolve(true)),
  createProfile: vi.fn(() => Promise.resolve()),
  updateProfile: vi.fn(() => Promise.resolve()),
  watchProfile: vi.fn(() => () => {}),
};

export const ALICE: SessionUser = {
  uid: "alice",
  email: "alice@example.test",
  displayName: "Alice",
  providers: ["password"],
  emailVerified: true,
};

export function setAuth(state: Partial<AuthState> & Pick<AuthState, "status">): void {
  authStore.setState({
    user: state.status === "signedIn" ? ALICE : null,
    admin: false,
    exitTo: null,
    ...state,
  });
}

export const signedIn = (admin = false) => setAuth({ status: "signedIn", admin });
export const signedOut = () => setAuth({ status: "signedOut" });
export const authLoading = () => setAuth({ status: "loading" });
