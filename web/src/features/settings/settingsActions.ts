// What the settings screen changes: the profile's name and consent (users/{uid} and the Auth
// profile), the data export, and account deletion (re-authentication first, then the callable).
const profile = () => import("../../data/profile");
const auth = () => import("../../data/auth");
const callables = () => import("../../data/callables");

export async function saveDisplayName(uid: string, displayName: string): Promise<void> {
  await (await profile()).updateProfile(uid, { displayName });
  await (await auth()).setAuthDisplayName(displayName);
}

export async function saveConsent(uid: string, aiDataUseConsent: boolean): Promise<void> {
  await (await profile()).updateProfile(uid, { aiDataUseConsent });
}

export async function exportMyData(): Promise<unknown> {
  return (await callables()).callExportMyData();
}

/**
 * Deletes the account: proves a fresh sign-in (the function refuses older ones), then asks the
 * function to delete everything. The caller signs out afterwards.
 */
export async function deleteAccount(password: string | undefined): Promise<void> {
  await (await auth()).reauthenticate(password);
  await (await callables()).callDeleteMyAccount();
}
