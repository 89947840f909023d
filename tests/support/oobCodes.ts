// The Auth emulator's out-of-band codes (the emails it would have sent): GET
// /emulator/v1/projects/{project}/oobCodes lists them, and opening a code's link applies it.
import { emulator, PROJECT_ID } from "./emulators.js";

export interface OobCode {
  email: string;
  requestType: string;
  oobCode: string;
  oobLink: string;
}

function authOrigin(): string {
  const { host, port } = emulator("auth");
  return `http://${host}:${port}`;
}

/** Every code the emulator holds for `email` (oldest first), e.g. VERIFY_EMAIL links. */
export async function oobCodesFor(email: string, requestType = "VERIFY_EMAIL"): Promise<OobCode[]> {
  const response = await fetch(`${authOrigin()}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
  if (!response.ok) throw new Error(`oobCodes: HTTP ${response.status}`);
  const { oobCodes } = (await response.json()) as { oobCodes: OobCode[] };
  return oobCodes.filter((code) => code.email === email && code.requestType === requestType);
}

/** Opens the latest verification link sent to `email`, as the person would from their inbox. */
export async function openVerificationLink(email: string): Promise<void> {
  const codes = await oobCodesFor(email);
  const latest = codes.at(-1);
  if (!latest) throw new Error(`No verification email was sent to ${email}`);
  const response = await fetch(latest.oobLink);
  if (!response.ok) throw new Error(`Opening the verification link: HTTP ${response.status}`);
}
