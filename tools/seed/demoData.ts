// The demo accounts and documents `npm start` puts into the emulators. Emulator-only
// credentials: these accounts never exist in a real project.
import type { Attribution, Idea, SparkBrief } from "@ideaspark/domain";

export interface DemoUser {
  uid: string;
  email: string;
  password: string;
  displayName: string;
  plan: "free" | "pro";
  admin: boolean;
  attribution: Omit<Attribution, "capturedAt"> | null;
}

export const DEMO_USERS: DemoUser[] = [
  {
    uid: "demo-user",
    email: "demo@ideaspark.test",
    password: "spark-demo-1",
    displayName: "Dana Demo",
    plan: "free",
    admin: false,
    attribution: {
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "launch",
      landingPath: "/welcome",
    },
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

export interface DemoSpark {
  id: string;
  uid: string;
  daysAgo: number;
  brief: SparkBrief;
  ideas: Idea[];
  inputTokens: number;
  outputTokens: number;
}

export const DEMO_SPARKS: DemoSpark[] = [
  {
    id: "0b6f8f4e-5a3c-4d2e-9b1a-7c6d5e4f3a21",
    uid: "demo-user",
    daysAgo: 2,
    brief: {
      topic: "Weekend workshops for a neighbourhood bike shop",
      count: 3,
      tone: "practical",
    },
    inputTokens: 412,
    outputTokens: 1_086,
    ideas: [
      {
        title: "Fix-Your-Flat Saturday Clinic",
        pitch:
          "A one-hour hands-on clinic where riders learn to patch and swap a tube on their own bike.",
        whyItWorks:
          "Flats are the most common roadside problem, and confidence brings people back for parts.",
        effort: "low",
        firstSteps: [
          "Pick two Saturday slots",
          "Set aside six practice wheels",
          "Post a sign-up sheet at the till",
        ],
      },
      {
        title: "Commuter Bike Tune-Up Night",
        pitch: "An after-work session teaching brake and gear adjustments for daily riders.",
        whyItWorks: "Commuters ride often and value small fixes they can do before work.",
        effort: "medium",
        firstSteps: [
          "Ask five regular commuters which fixes they want",
          "Prepare a one-page checklist",
        ],
      },
      {
        title: "Kids' Balance-Bike Mini Course",
        pitch:
          "A playful cone course in the car park where toddlers try balance bikes with their parents.",
        whyItWorks: "Parents buy the first bike where their child had fun learning.",
        effort: "medium",
        firstSteps: [
          "Borrow cones from the school",
          "Invite the local parents' group",
          "Offer a fitting voucher",
        ],
      },
    ],
  },
  {
    id: "5d2c1b0a-9e8f-4a7b-8c6d-3e2f1a0b9c87",
    uid: "demo-user",
    daysAgo: 0,
    brief: { topic: "Fundraising ideas for a school choir", count: 2, tone: "playful" },
    inputTokens: 398,
    outputTokens: 702,
    ideas: [
      {
        title: "Sing-a-Gram Valentine Delivery",
        pitch: "Choir quartets deliver a short song to a classroom or office for a small fee.",
        whyItWorks:
          "People love a surprise they can gift, and each delivery advertises the concert.",
        effort: "low",
        firstSteps: ["Choose three short songs", "Make an order form", "Schedule delivery slots"],
      },
      {
        title: "Karaoke Night with the Choir",
        pitch:
          "Families sing along with choir members as backing vocals; tickets and snacks raise funds.",
        whyItWorks: "It turns the audience into performers, so they bring friends.",
        effort: "medium",
        firstSteps: [
          "Book the hall for a Friday",
          "Borrow a karaoke machine",
          "Sell tickets through the newsletter",
        ],
      },
    ],
  },
];
