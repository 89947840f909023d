// Where IdeaSpark runs, written once: the project id of the offline Emulator Suite (a `demo-`
// id needs no cloud account and can never reach a real project) and the functions' region,
// which the web app calls.
export const DEMO_PROJECT_ID = "demo-ideaspark";
export const FUNCTIONS_REGION = "us-central1";
