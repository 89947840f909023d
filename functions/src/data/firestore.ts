// The Firestore handle for every data module; the only place firebase-admin is initialised.
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";

export function firestore(): Firestore {
  if (getApps().length === 0) initializeApp();
  return getFirestore();
}
