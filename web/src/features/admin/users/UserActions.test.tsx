import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UserActions } from "./UserActions";

const callables = vi.hoisted(() => ({
  callAdminSetPlan: vi.fn(),
  callAdminSetRole: vi.fn(),
}));
vi.mock("../../../data/callables", () => callables);

function renderActions(onChanged = vi.fn()) {
  render(
    <UserActions
      uid="u1"
      email="ada@example.com"
      plan="free"
      admin={false}
      onChanged={onChanged}
    />,
  );
  return onChanged;
}

describe("UserActions", () => {
  beforeEach(() => {
    callables.callAdminSetPlan.mockReset();
    callables.callAdminSetRole.mockReset();
  });

  it("asks for confirmation before changing the plan, then calls adminSetPlan", async () => {
    callables.callAdminSetPlan.mockResolvedValue({ uid: "u1", plan: "pro" });
    const onChanged = renderActions();
    fireEvent.change(screen.getByTestId("user-plan-select"), { target: { value: "pro" } });
    expect(screen.getByTestId("user-confirm").textContent).toContain(
      "Move ada@example.com to the pro plan?",
    );
    expect(callables.callAdminSetPlan).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("user-confirm-button"));
    expect((await screen.findByTestId("user-action-done")).textContent).toBe(
      "Plan changed to pro.",
    );
    expect(callables.callAdminSetPlan).toHaveBeenCalledWith({ uid: "u1", plan: "pro" });
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it("changes nothing when the admin cancels", () => {
    renderActions();
    fireEvent.click(screen.getByTestId("user-role-toggle"));
    expect(screen.getByTestId("user-confirm").textContent).toContain(
      "Make ada@example.com an administrator?",
    );
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("user-confirm")).toBeNull();
    expect(callables.callAdminSetRole).not.toHaveBeenCalled();
  });

  it("shows the server's reason when the change is refused", async () => {
    callables.callAdminSetRole.mockRejectedValue(
      Object.assign(new Error('No user has the uid "u1".'), { code: "functions/not-found" }),
    );
    const onChanged = renderActions();
    fireEvent.click(screen.getByTestId("user-role-toggle"));
    fireEvent.click(screen.getByTestId("user-confirm-button"));
    expect((await screen.findByTestId("user-action-error")).textContent).toBe(
      'No user has the uid "u1".',
    );
    expect(callables.callAdminSetRole).toHaveBeenCalledWith({ uid: "u1", admin: true });
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.getByTestId("user-confirm")).toBeTruthy();
  });
});
