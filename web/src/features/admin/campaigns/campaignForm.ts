// The campaign editor's values (text as typed) and their conversion to a CampaignDoc: blanks
// become null, the month → USD rows become spendUsdByMonth, and the domain schema has the last
// word, its issues mapped back to the field that caused them.
import { CampaignDoc, PeriodKey } from "@ideaspark/domain";

export interface SpendRow {
  month: string;
  usd: string;
}

export interface CampaignFormValues {
  name: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  referralCode: string;
  spend: SpendRow[];
  archived: boolean;
}

/** Field name (or "spend.<row>") → message. */
export type CampaignFormErrors = Record<string, string>;

export type CampaignFormResult =
  { ok: true; campaign: CampaignDoc } | { ok: false; errors: CampaignFormErrors };

export const EMPTY_CAMPAIGN_FORM: CampaignFormValues = {
  name: "",
  utmSource: "",
  utmMedium: "",
  utmCampaign: "",
  referralCode: "",
  spend: [],
  archived: false,
};

export function formFromCampaign(campaign: CampaignDoc): CampaignFormValues {
  return {
    name: campaign.name,
    utmSource: campaign.utmSource ?? "",
    utmMedium: campaign.utmMedium ?? "",
    utmCampaign: campaign.utmCampaign ?? "",
    referralCode: campaign.referralCode ?? "",
    spend: Object.entries(campaign.spendUsdByMonth)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, usd]) => ({ month, usd: String(usd) })),
    archived: campaign.archived,
  };
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

const FIELD_OF: Record<string, string> = {
  name: "name",
  utmSource: "utmSource",
  utmMedium: "utmMedium",
  utmCampaign: "utmCampaign",
  referralCode: "referralCode",
  spendUsdByMonth: "spend",
};

/** The CampaignDoc these values describe (created at `createdAt`), or what is wrong with them. */
export function campaignFromForm(
  values: CampaignFormValues,
  createdAt: number,
): CampaignFormResult {
  const errors: CampaignFormErrors = {};
  const spendUsdByMonth: Record<string, number> = {};
  values.spend.forEach((row, i) => {
    const month = row.month.trim();
    const usdText = row.usd.trim();
    if (month === "" && usdText === "") return;
    const usd = Number(usdText);
    if (!PeriodKey.safeParse(month).success) {
      errors[`spend.${i}`] = "Month must look like 2026-12.";
    } else if (usdText === "" || !Number.isFinite(usd) || usd < 0) {
      errors[`spend.${i}`] = "Spend must be an amount in USD, 0 or more.";
    } else if (Object.hasOwn(spendUsdByMonth, month)) {
      errors[`spend.${i}`] = `${month} is listed twice.`;
    } else {
      spendUsdByMonth[month] = Math.round(usd * 100) / 100;
    }
  });

  const parsed = CampaignDoc.safeParse({
    name: values.name.trim(),
    utmSource: orNull(values.utmSource),
    utmMedium: orNull(values.utmMedium),
    utmCampaign: orNull(values.utmCampaign),
    referralCode: orNull(values.referralCode),
    spendUsdByMonth,
    createdAt,
    archived: values.archived,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0] ?? "")] ?? "form";
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, campaign: parsed.data };
}
