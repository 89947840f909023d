import { EMPTY_GROWTH, periodKey, type QuotaDoc } from "@ideaspark/domain";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AdminUser } from "../../../data/adminUsers";
import { UsersScreen } from "./UsersScreen";

const data = vi.hoisted(() => ({
  listUsersPage: vi.fn(),
  loadQuotas: vi.fn(),
  loadHeaviestQuotas: vi.fn(),
  loadUsers: vi.fn(),
  listCampaigns: vi.fn(),
}));
vi.mock("../../../data/adminUsers", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  listUsersPage: data.listUsersPage,
  loadQuotas: data.loadQuotas,
  loadHeaviestQuotas: data.loadHeaviestQuotas,
  loadUsers: data.loadUsers,
}));
vi.mock("../../../data/adminCampaigns", () => ({ listCampaigns: data.listCampaigns }));

const period = periodKey(Date.now());

const user = (uid: string, campaignId: string | null): AdminUser => ({
  uid,
  user: {
    email: `${uid}@example.com`,
    displayName: uid,
    createdAt: Date.UTC(2026, 10, 1),
    attribution: null,
    aiDataUseConsent: false,
    plan: "free",
    role: "member",
    growth: { ...EMPTY_GROWTH, campaignId, requests: 2 },
  },
});

const quota = (uid: string, providerCostMicros: number): QuotaDoc => ({
  uid,
  period,
  used: 1_000,
  holds: {},
  recent: [],
  requests: 2,
  providerCostMicros,
  activeDays: {},
});

const USERS = ["a", "b", "c", "d", "e"].map((uid) => user(uid, uid === "a" ? "c1" : "organic"));
const QUOTAS = new Map(
  [quota("a", 100_000), quota("b", 90_000), quota("c", 110_000), quota("d", 3_000_000)].map((q) => [
    q.uid,
    q,
  ]),
);

function renderUsers() {
  const router = createMemoryRouter([{ path: "/admin/users", Component: UsersScreen }], {
    initialEntries: ["/admin/users"],
  });
  render(<RouterProvider router={router} />);
}

describe("UsersScreen", () => {
  beforeEach(() => {
    Object.values(data).forEach((fn) => fn.mockReset());
    data.listUsersPage.mockResolvedValue({ users: USERS, next: { cursor: "e" } });
    data.loadQuotas.mockResolvedValue(QUOTAS);
    data.loadHeaviestQuotas.mockResolvedValue([quota("d", 3_000_000)]);
    data.loadUsers.mockResolvedValue(new Map([["d", USERS[3]!.user]]));
    data.listCampaigns.mockResolvedValue({
      campaigns: [{ id: "c1", campaign: { name: "Spring launch" } }],
      malformed: [],
    });
  });

  it("lists the newest sign-ups first with their month's cost and campaign name", async () => {
    renderUsers();
    const row = await screen.findByTestId("user-row-a");
    expect(data.listUsersPage).toHaveBeenCalledWith(
      expect.objectContaining({ sort: "signedUp", descending: true, after: null, pageSize: 25 }),
    );
    expect(data.loadQuotas).toHaveBeenCalledWith(["a", "b", "c", "d", "e"], period);
    await waitFor(() => expect(within(row).getByText("Spring launch")).toBeTruthy());
    expect(within(row).getByText("$0.10")).toBeTruthy();
  });

  it("marks only the user far above the page's median cost", async () => {
    renderUsers();
    await screen.findByTestId("user-row-d");
    const marked = screen.getAllByTestId("heavy-marker");
    expect(marked).toHaveLength(1);
    expect(screen.getByTestId("user-row-d").contains(marked[0]!)).toBe(true);
    const strip = screen.getByTestId("heaviest-strip");
    expect(await within(strip).findByText("d@example.com")).toBeTruthy();
  });

  it("asks Firestore for another order when a column header is clicked", async () => {
    renderUsers();
    await screen.findByTestId("user-row-a");
    fireEvent.click(screen.getByTestId("sort-allTimeCost"));
    await waitFor(() =>
      expect(data.listUsersPage).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: "allTimeCost", after: null }),
      ),
    );
  });

  it("pages forward from the last user of the page and back to the start", async () => {
    renderUsers();
    await screen.findByTestId("user-row-a");
    fireEvent.click(screen.getByTestId("users-next"));
    await waitFor(() =>
      expect(data.listUsersPage).toHaveBeenLastCalledWith(
        expect.objectContaining({ after: { cursor: "e" } }),
      ),
    );
    await screen.findByTestId("user-row-a");
    fireEvent.click(screen.getByTestId("users-previous"));
    await waitFor(() =>
      expect(data.listUsersPage).toHaveBeenLastCalledWith(expect.objectContaining({ after: null })),
    );
  });

  it("searches by email prefix in email order", async () => {
    renderUsers();
    await screen.findByTestId("user-row-a");
    fireEvent.change(screen.getByTestId("user-search"), { target: { value: " ad " } });
    fireEvent.submit(screen.getByRole("search"));
    await waitFor(() =>
      expect(data.listUsersPage).toHaveBeenLastCalledWith(
        expect.objectContaining({ emailPrefix: "ad", sort: "email", descending: false }),
      ),
    );
  });
});
