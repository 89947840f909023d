import { DEFAULT_APP_CONFIG, type AppConfig } from "@ideaspark/domain";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ConfigForm } from "./ConfigForm";
import { keyChanges } from "./changeLog";

function type(name: string, value: string) {
  fireEvent.change(screen.getByTestId(`${name}-input`), { target: { value } });
}

describe("ConfigForm", () => {
  it("shows each field's problem and does not save", async () => {
    const onSave = vi.fn();
    render(<ConfigForm initial={DEFAULT_APP_CONFIG} onSave={onSave} />);
    type("monthlyBudgetUsd", "lots");
    type("requestsPerMinute", "0");
    await act(async () => fireEvent.click(screen.getByTestId("config-save")));
    expect(screen.getByTestId("monthlyBudgetUsd-error").textContent).toBe(
      "Enter a number, e.g. 12.5",
    );
    expect(screen.queryByTestId("requestsPerMinute-error")).toBeNull();
    type("monthlyBudgetUsd", "20");
    await act(async () => fireEvent.click(screen.getByTestId("config-save")));
    expect(screen.getByTestId("requestsPerMinute-error").textContent).toBe("must be at least 1");
    expect(screen.getByTestId("config-invalid").textContent).toContain("one field needs fixing");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("saves the whole configuration with the edits and says what changed", async () => {
    const onSave = vi.fn((config: AppConfig) => {
      void config;
      return Promise.resolve({ changeId: "c1", changedKeys: ["monthlyBudgetUsd"], updatedAt: 5 });
    });
    render(<ConfigForm initial={DEFAULT_APP_CONFIG} onSave={onSave} />);
    type("monthlyBudgetUsd", "0.5");
    fireEvent.click(screen.getByTestId("aiPaused-input"));
    await act(async () => fireEvent.click(screen.getByTestId("config-save")));
    expect(onSave).toHaveBeenCalledWith({
      ...DEFAULT_APP_CONFIG,
      monthlyBudgetUsd: 0.5,
      aiPaused: true,
    });
    expect(screen.getByTestId("config-saved").textContent).toBe(
      "Saved. Changed: monthlyBudgetUsd.",
    );
  });

  it("says why a save was refused", async () => {
    const onSave = vi.fn(() => Promise.reject(new Error("config/app changed since you loaded it")));
    render(<ConfigForm initial={DEFAULT_APP_CONFIG} onSave={onSave} />);
    await act(async () => fireEvent.click(screen.getByTestId("config-save")));
    expect(screen.getByTestId("config-save-error").textContent).toBe(
      "Not saved: config/app changed since you loaded it",
    );
  });
});

describe("change log rows", () => {
  it("shows each changed key's value before and after, missing ones as not set", () => {
    expect(
      keyChanges({
        before: { monthlyBudgetUsd: 100, pricing: {}, models: { primary: "a" } },
        after: {
          monthlyBudgetUsd: 5,
          pricing: { m: { inputPerMTok: 1 } },
          models: { primary: "b" },
        },
        changedKeys: ["models.primary", "monthlyBudgetUsd", "pricing.m"],
      }),
    ).toEqual([
      { key: "models.primary", before: '"a"', after: '"b"' },
      { key: "monthlyBudgetUsd", before: "100", after: "5" },
      { key: "pricing.m", before: "not set", after: '{"inputPerMTok":1}' },
    ]);
  });
});
