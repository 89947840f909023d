import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CampaignForm } from "./CampaignForm";

function renderForm(onSave = vi.fn(() => Promise.resolve())) {
  render(<CampaignForm defaultMonth="2026-12" onSave={onSave} onCancel={() => {}} now={() => 7} />);
  return onSave;
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("CampaignForm", () => {
  it("shows what is missing and saves nothing", async () => {
    const onSave = renderForm();
    fireEvent.click(screen.getByTestId("campaign-save"));
    expect(await screen.findByTestId("campaign-name-error")).toBeTruthy();
    expect(screen.getByTestId("campaign-utm-source-error").textContent).toBe(
      "A campaign needs a utm_source or a referral code",
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it("flags a bad spend row", async () => {
    const onSave = renderForm();
    type("campaign-name-input", "Launch");
    type("campaign-referral-code-input", "launch-26");
    fireEvent.click(screen.getByTestId("spend-add"));
    type("spend-usd-0-input", "lots");
    fireEvent.click(screen.getByTestId("campaign-save"));
    expect((await screen.findByTestId("spend-error-0")).textContent).toMatch(/amount in USD/);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("saves a valid campaign with its spend", async () => {
    const onSave = renderForm();
    type("campaign-name-input", "Launch");
    type("campaign-utm-source-input", "newsletter");
    fireEvent.click(screen.getByTestId("spend-add"));
    type("spend-usd-0-input", "250");
    fireEvent.click(screen.getByTestId("campaign-save"));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      name: "Launch",
      utmSource: "newsletter",
      utmMedium: null,
      utmCampaign: null,
      referralCode: null,
      spendUsdByMonth: { "2026-12": 250 },
      createdAt: 7,
      archived: false,
    });
  });

  it("shows why a save was refused", async () => {
    const refused = Object.assign(new Error("Missing or insufficient permissions."), {
      code: "permission-denied",
    });
    renderForm(vi.fn(() => Promise.reject(refused)));
    type("campaign-name-input", "Launch");
    type("campaign-utm-source-input", "newsletter");
    fireEvent.click(screen.getByTestId("campaign-save"));
    expect((await screen.findByTestId("campaign-save-error")).textContent).toMatch(
      /Only administrators can do this/,
    );
  });
});
