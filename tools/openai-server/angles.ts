// The creative raw material for mock ideas: angles, each with title, pitch and first-step
// patterns. Placeholders: {T} short topic in Title Case, {t} short topic, {topic} the full
// topic, {audience} who it is for.

export interface Angle {
  label: string;
  titles: readonly string[];
  pitches: readonly string[];
  steps: readonly string[];
}

export const ANGLES: readonly Angle[] = [
  {
    label: "community",
    titles: ["The {T} Circle", "{T} Neighbours Club"],
    pitches: [
      "Build a small, recurring community around {topic} where {audience} meet, swap tips and bring a friend next time.",
      "Give {audience} a reason to come back: a members-only circle for {topic} with monthly meetups and a shared wall of wins.",
    ],
    steps: [
      "List ten people who already care about {t} and invite them personally",
      "Pick a fixed monthly date and a free, easy-to-reach venue",
      "Create a group chat and post one prompt a week to keep it alive",
      "Ask every attendee to bring one guest to the second meetup",
    ],
  },
  {
    label: "subscription",
    titles: ["{T} Monthly Box", "{T} on Repeat"],
    pitches: [
      "Package {topic} as a monthly subscription so {audience} get a curated surprise and you get predictable revenue.",
      "Turn one-off interest in {topic} into a habit: a low-priced subscription with a themed drop every month.",
    ],
    steps: [
      "Sketch three themed boxes and price them against your costs",
      "Pre-sell twenty subscriptions before buying any stock",
      "Set up recurring billing with a simple pause option",
      "Survey subscribers after the first drop and adjust the next",
    ],
  },
  {
    label: "pop-up",
    titles: ["Pop-Up {T} Weekend", "{T} After Dark"],
    pitches: [
      "Run a one-weekend pop-up that shows {topic} in a surprising setting and gives {audience} something to photograph and share.",
      "Test demand for {topic} with a short, loud pop-up event before committing to anything permanent.",
    ],
    steps: [
      "Find a host venue willing to lend space for a weekend",
      "Design one signature moment people will want to photograph",
      "Announce it two weeks ahead with a countdown",
      "Collect emails at the door to follow up afterwards",
    ],
  },
  {
    label: "workshop",
    titles: ["{T} Masterclass", "Learn {T} in an Evening"],
    pitches: [
      "Teach what you know: a hands-on evening workshop on {topic} where {audience} leave with something they made themselves.",
      "Position yourself as the go-to expert on {topic} with a practical, small-group class that sells out by word of mouth.",
    ],
    steps: [
      "Outline a 90-minute session with one tangible takeaway",
      "Run a free pilot for five friends and gather feedback",
      "Publish a simple booking page with a capped number of seats",
      "Record short clips during the session for future promotion",
    ],
  },
  {
    label: "partnership",
    titles: ["{T} x Local Heroes", "The {T} Collab"],
    pitches: [
      "Team up with a business that already serves {audience} and co-create a {t} offer neither of you could make alone.",
      "Borrow an audience: a co-branded collaboration that puts {topic} in front of a partner's loyal customers.",
    ],
    steps: [
      "Map five nearby businesses whose customers overlap with yours",
      "Pitch one partner with a concrete, low-risk joint offer",
      "Agree on how you split costs, revenue and promotion",
      "Launch together and compare results after four weeks",
    ],
  },
  {
    label: "challenge",
    titles: ["30-Day {T} Challenge", "The {T} Streak"],
    pitches: [
      "Invite {audience} to a 30-day challenge around {topic}, with a daily micro-task and a public leaderboard.",
      "Make {topic} a game: short daily challenges, streaks and a small prize for everyone who finishes.",
    ],
    steps: [
      "Write thirty tiny daily tasks that take under ten minutes",
      "Choose where progress is shared: a group, a hashtag or a board",
      "Line up a prize that costs little but feels special",
      "Post a recap of the best entries every Friday",
    ],
  },
  {
    label: "storytelling",
    titles: ["Behind the {T}", "{T} Stories"],
    pitches: [
      "Show the people and process behind {topic} in a short weekly story series that makes {audience} feel like insiders.",
      "Win trust with honesty: a candid behind-the-scenes series about building {topic}, mistakes included.",
    ],
    steps: [
      "Brainstorm twelve story moments from the last year",
      "Film or write the first three before announcing the series",
      "Pick one channel and a fixed weekly publishing day",
      "End each story with a question that invites replies",
    ],
  },
  {
    label: "digital",
    titles: ["{T} Companion App", "{T} in Your Pocket"],
    pitches: [
      "Offer a lightweight digital companion for {topic}: reminders, progress and tips that keep {audience} engaged between visits.",
      "Extend {topic} beyond the moment with a simple web app that remembers preferences and nudges people back.",
    ],
    steps: [
      "List the three questions people ask most about {t}",
      "Prototype the answers as a clickable mock-up in a day",
      "Test it with five real users and note where they hesitate",
      "Build only the one feature everyone used",
    ],
  },
  {
    label: "sustainability",
    titles: ["Zero-Waste {T}", "{T}, Second Life"],
    pitches: [
      "Give {topic} a sustainable twist that {audience} can see and feel good about, from materials to a take-back scheme.",
      "Cut waste and tell the story: a visible, measurable green commitment built into {topic}.",
    ],
    steps: [
      "Audit where waste or emissions come from today",
      "Pick the single change with the biggest visible impact",
      "Put a simple counter or badge where customers see it",
      "Share the first month's numbers publicly",
    ],
  },
  {
    label: "limited edition",
    titles: ["{T}: Limited Run", "The Seasonal {T} Drop"],
    pitches: [
      "Create urgency with a limited, numbered edition of {topic} that only runs while stock lasts.",
      "Refresh {topic} every season with a short-lived special that gives {audience} a reason to talk about you.",
    ],
    steps: [
      "Choose a theme tied to the coming season or a local event",
      "Decide the exact quantity and number each piece",
      "Tease the drop a week early to your most engaged fans",
      "Retire it on schedule, even if demand is high",
    ],
  },
  {
    label: "referral",
    titles: ["Bring a Friend to {T}", "{T} Ambassadors"],
    pitches: [
      "Turn happy customers into ambassadors for {topic} with a referral reward both sides actually want.",
      "Grow {topic} by word of mouth: a simple two-sided referral scheme for {audience}.",
    ],
    steps: [
      "Pick a reward that costs you little and delights the recipient",
      "Create personal referral codes for your top twenty fans",
      "Thank every referrer publicly, with permission",
      "Track which rewards drive the most sign-ups",
    ],
  },
  {
    label: "personalisation",
    titles: ["Made-for-You {T}", "{T}, Your Way"],
    pitches: [
      "Let {audience} shape {topic} to their taste with a short quiz that recommends the perfect option.",
      "Make every customer feel seen: a personalised version of {topic} built from three quick questions.",
    ],
    steps: [
      "Write a five-question quiz that maps to three profiles",
      "Create one tailored recommendation per profile",
      "Add the quiz to your homepage and social bio",
      "Follow up each result with a personal thank-you note",
    ],
  },
  {
    label: "education",
    titles: ["The {T} Field Guide", "{T} Explained"],
    pitches: [
      "Publish a free, beautifully simple guide to {topic} that answers what {audience} are too shy to ask.",
      "Become the trusted explainer for {topic} with a short series of plain-language guides and checklists.",
    ],
    steps: [
      "Collect the twenty most common beginner questions",
      "Answer the top five in one printable page",
      "Share it where {audience} already spend time online",
      "Turn reader questions into the next edition",
    ],
  },
  {
    label: "premium",
    titles: ["{T} Reserve", "The {T} Inner Circle"],
    pitches: [
      "Offer a premium tier of {topic} with early access, extra care and a personal touch for your most loyal fans.",
      "Reward your best customers with an exclusive {t} tier that pays for itself through loyalty.",
    ],
    steps: [
      "Identify the ten percent of customers who come back most",
      "Design three perks that feel exclusive but are cheap to deliver",
      "Invite them personally before opening it to anyone else",
      "Review renewal rates after three months",
    ],
  },
];

export const HOOKS: readonly string[] = [
  "It is cheap to test in a weekend.",
  "It builds on what already works.",
  "It gives people a story to retell.",
  "It turns one-off visitors into regulars.",
  "It can start small and scale with demand.",
  "It creates content you can reuse for months.",
];
