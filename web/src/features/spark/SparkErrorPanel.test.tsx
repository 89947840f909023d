import {
  DOMAIN_ERROR_KINDS,
  DOMAIN_ERRORS,
  type DomainErrorKind,
  type NextStep,
} from "@ideaspark/domain";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeAuthModule, signedIn } from "../../test/authFakes";
import { authStore } from "../auth/authStore";
import { SparkErrorPanel } from "./SparkErrorPanel";
import { describeSparkError } from "./sparkErrors";

vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);

const BRIEF = { topic: "Board game nights", count: 3 };
const ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

// The control each next step puts in front of the person (null: only the message and Edit).
const STEP_CONTROL: Record<NextStep, string | null> = {
  retry: "spark-retry",
  wait: "spark-retry",
  upgrade: "spark-upgrade",
  "edit-brief": "spark-edit",
  follow: "spark-following",
  "sign-in": "spark-sign-in",
  "verify-email": "spark-verified",
  none: null,
};
const STEP_CONTROLS = [
  "spark-retry",
  "spark-upgrade",
  "spark-following",
  "spark-sign-in",
  "spark-verified",
];

function renderPanel(kind: DomainErrorKind, onRetry = vi.fn()) {
  const error = describeSparkError({
    code: "functions/x",
    message: "",
    details: { kind, retryable: false },
  });
  const router = createMemoryRouter(
    [
      {
        path: "/spark/:id",
        element: <SparkErrorPanel error={error} brief={BRIEF} onRetry={onRetry} />,
      },
      { path: "/spark", element: <p>form</p> },
    ],
    { initialEntries: [`/spark/${ID}`] },
  );
  render(<RouterProvider router={router} />);
  return { router, onRetry };
}

describe("SparkErrorPanel", () => {
  beforeEach(() => signedIn());

  it.each(DOMAIN_ERROR_KINDS)("offers the next step its table entry names for %s", (kind) => {
    renderPanel(kind);
    const expected = STEP_CONTROL[DOMAIN_ERRORS[kind].next];
    expect(document.body.textContent).toContain(DOMAIN_ERRORS[kind].message);
    for (const control of STEP_CONTROLS) {
      expect(screen.queryByTestId(control) !== null).toBe(control === expected);
    }
    if (DOMAIN_ERRORS[kind].next !== "follow")
      expect(screen.getByTestId("spark-edit")).toBeTruthy();
  });

  it("retries an unverified person's spark only once Auth says the link was opened", async () => {
    const auth = (await import("../../test/authFakes")).fakeAuthModule;
    const { onRetry } = renderPanel("email-unverified");
    auth.confirmEmailVerified.mockResolvedValueOnce(false);
    fireEvent.click(screen.getByTestId("spark-verified"));
    expect((await screen.findByTestId("spark-verify-note")).textContent).toContain(
      "not verified yet",
    );
    expect(onRetry).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("spark-resend-verification"));
    await waitFor(() => expect(auth.resendVerificationEmail).toHaveBeenCalledTimes(1));
    expect((await screen.findByText(/sent a new link/)).textContent).toBeTruthy();
    auth.confirmEmailVerified.mockResolvedValueOnce(true);
    fireEvent.click(screen.getByTestId("spark-verified"));
    await waitFor(() => expect(onRetry).toHaveBeenCalledTimes(1));
  });

  it("offers only Edit brief, prefilled, when the model refused the brief", () => {
    const { router } = renderPanel("refused");
    expect(screen.getByTestId("spark-error").getAttribute("data-kind")).toBe("refused");
    expect(screen.queryByTestId("spark-retry")).toBeNull();
    fireEvent.click(screen.getByTestId("spark-edit"));
    expect(router.state.location.pathname).toBe("/spark");
    expect(router.state.location.state).toMatchObject({ form: { topic: BRIEF.topic, count: "3" } });
  });

  it("says Already running… for a request in progress elsewhere, with nothing to press", () => {
    renderPanel("in-progress");
    expect(screen.getByTestId("spark-following").textContent).toContain("Already running…");
    expect(screen.queryByTestId("spark-error")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("starts over when the request id belongs to another account", () => {
    const { onRetry } = renderPanel("request-id-taken");
    fireEvent.click(screen.getByTestId("spark-retry"));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("signs out and comes back here after signing in again", async () => {
    renderPanel("unauthenticated");
    fireEvent.click(screen.getByTestId("spark-sign-in"));
    await vi.waitFor(() => expect(fakeAuthModule.signOut).toHaveBeenCalled());
    expect(authStore.getState().exitTo).toEqual({
      to: `/signin?next=${encodeURIComponent(`/spark/${ID}`)}`,
      from: `/spark/${ID}`,
    });
  });
});
