// The demo accounts and documents `npm start` puts into the emulators. Emulator-only
// credentials: these accounts never exist in a real project.
export interface DemoUser {
  uid: string;
  email: string;
  password: string;
  displayName: string;
  plan: "free" | "pro";
  admin: boolean;
  attribution: Record<string, string> | null;
}

export const DEMO_USERS: DemoUser[] = [
  {
    uid: "demo-user",
    email: "demo@ideaspark.test",
    password: "spark-demo-1",
    displayName: "Dana Demo",
    plan: "free",
    admin: false,
    attribution: { utm_source: "newsletter", utm_medium: "email", utm_campaign: "launch" },
  },
  {
    uid: "demo-admin",
    email: "admin@ideaspark.test",
    password: "spark-admin-1",
    displayName: "Avery Admin",
    plan: "pro",
    admin: true,
    attribution: null,
  },
];
