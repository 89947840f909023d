import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { authStore } from "../auth/authStore";
import { DeleteAccountDialog } from "./DeleteAccountDialog";
import { deleteAccount } from "./settingsActions";

vi.mock("./settingsActions", () => ({ deleteAccount: vi.fn(() => Promise.resolve()) }));
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);

describe("DeleteAccountDialog", () => {
  it("stays disabled until DELETE and the password are typed", () => {
    render(<DeleteAccountDialog hasPassword onClose={() => {}} />);
    const confirm = screen.getByTestId("delete-confirm") as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId("confirm-input"), { target: { value: "delete" } });
    fireEvent.change(screen.getByTestId("deletePassword-input"), { target: { value: "pw" } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId("confirm-input"), { target: { value: "DELETE" } });
    expect(confirm.disabled).toBe(false);
  });

  it("re-authenticates with the password, deletes, then signs out to /welcome", async () => {
    const signOut = vi.spyOn(authStore, "signOut").mockResolvedValue();
    render(<DeleteAccountDialog hasPassword onClose={() => {}} />);
    fireEvent.change(screen.getByTestId("confirm-input"), { target: { value: "DELETE" } });
    fireEvent.change(screen.getByTestId("deletePassword-input"), { target: { value: "secret-1" } });
    await act(async () => {
      fireEvent.click(screen.getByTestId("delete-confirm"));
    });
    expect(deleteAccount).toHaveBeenCalledWith("secret-1");
    expect(signOut).toHaveBeenCalledWith("/welcome");
  });

  it("shows why deletion failed and stays open", async () => {
    vi.mocked(deleteAccount).mockRejectedValueOnce(
      Object.assign(new Error("x"), { code: "auth/wrong-password" }),
    );
    const signOut = vi.spyOn(authStore, "signOut").mockResolvedValue();
    render(<DeleteAccountDialog hasPassword onClose={() => {}} />);
    fireEvent.change(screen.getByTestId("confirm-input"), { target: { value: "DELETE" } });
    fireEvent.change(screen.getByTestId("deletePassword-input"), { target: { value: "bad" } });
    await act(async () => {
      fireEvent.click(screen.getByTestId("delete-confirm"));
    });
    expect(screen.getByRole("alert").textContent).toBe("Wrong email or password");
    expect(signOut).not.toHaveBeenCalled();
    expect(screen.getByTestId("delete-dialog")).toBeTruthy();
  });
});
