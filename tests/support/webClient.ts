// A Firebase web SDK client wired to the emulators, as the browser app would be.
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import { emulator, PROJECT_ID, REGION } from "./emulators.js";

export interface WebClient {
  app: FirebaseApp;
  auth: Auth;
  functions: Functions;
  close(): Promise<void>;
}

let counter = 0;

export function webClient(): WebClient {
  const app = initializeApp(
    { projectId: PROJECT_ID, apiKey: "demo-key" },
    `test-client-${++counter}`,
  );
  const auth = getAuth(app);
  const authAddress = emulator("auth");
  connectAuthEmulator(auth, `http://${authAddress.host}:${authAddress.port}`, {
    disableWarnings: true,
  });
  const functions = getFunctions(app, REGION);
  const functionsAddress = emulator("functions");
  connectFunctionsEmulator(functions, functionsAddress.host, functionsAddress.port);
  return { app, auth, functions, close: () => deleteApp(app) };
}
