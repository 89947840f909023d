import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { downloadJson } from "../../lib/download";
import { DataSection } from "./DataSection";
import { exportMyData } from "./settingsActions";

vi.mock("./settingsActions", () => ({ exportMyData: vi.fn() }));
vi.mock("../../lib/download", () => ({
  downloadJson: vi.fn(),
  exportFileName: () => "ideaspark-data-2026-12-02.json",
}));

const COOLDOWN_MESSAGE =
  "You can download your data once every 10 minutes. Please try again in 7 minutes.";

/** A callable refusal as the Functions SDK rejects with it. */
function callableError(code: string, message: string, details?: unknown): Error {
  return Object.assign(new Error(message), { code: `functions/${code}`, details });
}

async function clickDownload(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId("export-data"));
  });
}

describe("DataSection", () => {
  it("saves the export as a JSON file", async () => {
    vi.mocked(exportMyData).mockResolvedValueOnce({ uid: "alice" });
    render(<DataSection />);
    await clickDownload();
    expect(downloadJson).toHaveBeenCalledWith({ uid: "alice" }, "ideaspark-data-2026-12-02.json");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when the next export may start after a refusal inside the cooldown", async () => {
    vi.mocked(exportMyData).mockRejectedValueOnce(
      // As the web SDK reports it: the HTTP status appended to the function's message.
      callableError("resource-exhausted", `${COOLDOWN_MESSAGE} [429]`, {
        kind: "rate-limited",
        retryable: true,
        retryAfterSeconds: 420,
      }),
    );
    render(<DataSection />);
    await clickDownload();
    expect(screen.getByRole("alert").textContent).toBe(COOLDOWN_MESSAGE);
    expect((screen.getByTestId("export-data") as HTMLButtonElement).disabled).toBe(false);
  });

  it("keeps its own words for a refusal without a domain kind", async () => {
    vi.mocked(exportMyData).mockRejectedValueOnce(callableError("unavailable", "unavailable"));
    render(<DataSection />);
    await clickDownload();
    expect(screen.getByRole("alert").textContent).toBe(
      "The service cannot be reached right now. Please try again in a moment.",
    );
  });
});
