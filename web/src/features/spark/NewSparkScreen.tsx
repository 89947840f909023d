// The brief: topic, audience, constraints, number of ideas and tone, validated with the same
// schema the spark function uses. The draft is kept while typing; offline, a submitted brief is
// queued (with its requestId) and sent once the person confirms after the connection returns.
// Both are the signed-in person's own (kept under their uid, removed at sign-out).
import type { SparkBrief } from "@ideaspark/domain";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useLocation, useNavigate } from "react-router";
import { useOnline } from "../../state/connectivityStore";
import { createDrafts, type Drafts, type FormDraft, type QueuedBrief } from "../../lib/drafts";
import { Screen } from "../../ui/Screen";
import { useAuth } from "../auth/authStore";
import { BriefFields } from "./BriefFields";
import { EMPTY_FORM, parseBriefForm, type BriefErrors, type BriefField } from "./briefForm";
import { QueuedBriefs } from "./QueuedBriefs";
import { sparkRuns } from "./sparkRunStore";

/** A brief handed over by "more like this", "edit brief" or "ask for the rest", if any. */
function prefillOf(state: unknown): FormDraft | null {
  return (state as { form?: FormDraft } | null)?.form ?? null;
}

function initialForm(drafts: Drafts, prefill: FormDraft | null): FormDraft {
  if (prefill) return { ...EMPTY_FORM, ...prefill };
  return drafts.loadForm() ?? EMPTY_FORM;
}

/** The form for the signed-in person (the route is guarded, so there is one). */
export function NewSparkScreen() {
  const uid = useAuth((state) => state.user?.uid ?? null);
  // Keyed by uid: another person gets a fresh form with their own draft and queue.
  return uid ? <BriefForm key={uid} uid={uid} /> : null;
}

function BriefForm({ uid }: { uid: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const online = useOnline();
  const drafts = useMemo(() => createDrafts(uid), [uid]);
  const [form, setForm] = useState<FormDraft>(() => initialForm(drafts, prefillOf(location.state)));
  const [errors, setErrors] = useState<BriefErrors>({});
  const [queued, setQueued] = useState<QueuedBrief[]>(() => drafts.queued());

  useEffect(() => drafts.saveForm(form), [drafts, form]);
  useEffect(() => sparkRuns.prepare(), []);

  // A prefill is used once (the draft keeps it from then on): the history entry holds no copy of
  // the brief for a reload to reapply, nor for whoever uses this browser next and presses Back.
  const prefilled = prefillOf(location.state) !== null;
  useEffect(() => {
    if (prefilled)
      navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [prefilled, navigate, location.pathname, location.search]);

  const setField = (field: BriefField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  const send = (requestId: string, brief: SparkBrief) => {
    void sparkRuns.start(requestId, brief);
    navigate(`/spark/${requestId}`);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseBriefForm(form);
    if (parsed.errors) return setErrors(parsed.errors);
    const requestId = crypto.randomUUID();
    drafts.clearForm();
    if (!online) {
      drafts.queue({ requestId, brief: parsed.brief, queuedAt: Date.now() });
      setQueued(drafts.queued());
      setForm(EMPTY_FORM);
      return;
    }
    send(requestId, parsed.brief);
  };

  const sendQueued = (entry: QueuedBrief) => {
    drafts.unqueue(entry.requestId);
    send(entry.requestId, entry.brief);
  };

  const discardQueued = (entry: QueuedBrief) => {
    drafts.unqueue(entry.requestId);
    setQueued(drafts.queued());
  };

  return (
    <Screen title="New spark" lead="Describe what you need ideas for." testId="new-spark-screen">
      <QueuedBriefs queued={queued} online={online} onSend={sendQueued} onDiscard={discardQueued} />
      <form className="spark-form" noValidate onSubmit={onSubmit} data-testid="spark-form">
        <BriefFields form={form} errors={errors} onChange={setField} />
        {!online && (
          <p className="spark-offline-note" role="status" data-testid="spark-offline-note">
            You're offline. Your brief will be kept as a queued draft and sent when you confirm
            after the connection returns.
          </p>
        )}
        <button type="submit" className="button button-primary" data-testid="spark-submit">
          {online ? "Spark ideas" : "Queue brief"}
        </button>
      </form>
    </Screen>
  );
}
