// campaigns/{id}, read and written by admins directly (firestore.rules checks the CampaignDoc
// shape and the admin claim). Every document is parsed with the domain schema on the way in and
// checked with it on the way out.
import { CampaignDoc } from "@ideaspark/domain";
import { collection, doc, getDocs, orderBy, query, setDoc } from "firebase/firestore";
import { db } from "./firestore";

export interface StoredCampaign {
  id: string;
  campaign: CampaignDoc;
}

export interface CampaignList {
  campaigns: StoredCampaign[];
  /** Paths of documents that do not match the schema (shown, not silently dropped). */
  malformed: string[];
}

/** Every campaign, oldest first. */
export async function listCampaigns(): Promise<CampaignList> {
  const snapshot = await getDocs(query(collection(db(), "campaigns"), orderBy("createdAt", "asc")));
  const campaigns: StoredCampaign[] = [];
  const malformed: string[] = [];
  for (const document of snapshot.docs) {
    const parsed = CampaignDoc.safeParse(document.data());
    if (parsed.success) campaigns.push({ id: document.id, campaign: parsed.data });
    else malformed.push(document.ref.path);
  }
  return { campaigns, malformed };
}

/** Creates a campaign under a new id and returns that id. */
export async function createCampaign(campaign: CampaignDoc): Promise<string> {
  const ref = doc(collection(db(), "campaigns"));
  await setDoc(ref, CampaignDoc.parse(campaign));
  return ref.id;
}

/** Replaces a campaign's fields (its id, and so the sign-ups already credited to it, stay). */
export async function saveCampaign(id: string, campaign: CampaignDoc): Promise<void> {
  await setDoc(doc(db(), "campaigns", id), CampaignDoc.parse(campaign));
}
