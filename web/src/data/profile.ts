// users/{uid}: the profile document the signed-in person creates once and edits afterwards.
// Every read is parsed with the domain schema; every write is checked with it first.
import { UserProfile, UserProfileCreate, UserProfileUpdate } from "@ideaspark/domain";
import { doc, getDoc, onSnapshot, setDoc, updateDoc } from "firebase/firestore";
import { db, followListener } from "./firestore";

const profileRef = (uid: string) => doc(db(), "users", uid);

/** true / false when the server answered; null when only the offline cache could (unknown). */
export async function profileExists(uid: string): Promise<boolean | null> {
  const snapshot = await getDoc(profileRef(uid));
  if (snapshot.exists()) return true;
  return snapshot.metadata.fromCache ? null : false;
}

/** Creates users/{uid} exactly as the contract says; rules refuse a second create. */
export async function createProfile(uid: string, profile: UserProfileCreate): Promise<void> {
  await setDoc(profileRef(uid), UserProfileCreate.parse(profile));
}

export async function updateProfile(uid: string, update: UserProfileUpdate): Promise<void> {
  await updateDoc(profileRef(uid), UserProfileUpdate.parse(update));
}

/** Follows users/{uid}: null while it does not exist; errors (e.g. permission) to `onError`. */
export function watchProfile(
  uid: string,
  onNext: (profile: UserProfile | null) => void,
  onError: (error: Error) => void,
): () => void {
  return followListener(
    onSnapshot(
      profileRef(uid),
      (snapshot) => {
        if (!snapshot.exists()) return onNext(null);
        const parsed = UserProfile.safeParse(snapshot.data());
        if (parsed.success) onNext(parsed.data);
        else onError(new Error(`users/${uid} is malformed: ${parsed.error.message}`));
      },
      onError,
    ),
  );
}
