// The brief's inputs, each a ui Field: labelled, with its schema message underneath and a
// character counter against BRIEF_LIMITS.
import { BRIEF_LIMITS, TONES } from "@ideaspark/domain";
import type { FormDraft } from "../../lib/drafts";
import { Field } from "../../ui/Field";
import { TextField } from "../../ui/TextField";
import { counter, type BriefErrors, type BriefField } from "./briefForm";

interface Props {
  form: FormDraft;
  errors: BriefErrors;
  onChange: (field: BriefField, value: string) => void;
}

export function BriefFields({ form, errors, onChange }: Props) {
  /** Name, message and counter of one field; the counter is found in tests as `<name>-counter`. */
  const field = (name: BriefField, hint?: string) => ({
    name,
    error: errors[name],
    hint,
    hintClassName: "spark-counter",
    hintTestId: `${name}-counter`,
  });
  return (
    <>
      <TextField
        {...field("topic", counter(form.topic, BRIEF_LIMITS.topic.max))}
        label="What do you need ideas for?"
        value={form.topic}
        required
        placeholder="e.g. a launch campaign for a neighbourhood bakery"
        onValueChange={(value) => onChange("topic", value)}
      />
      <TextField
        {...field("audience", counter(form.audience, BRIEF_LIMITS.audience.max))}
        label="Audience (optional)"
        value={form.audience}
        onValueChange={(value) => onChange("audience", value)}
      />
      <Field
        {...field("constraints", counter(form.constraints, BRIEF_LIMITS.constraints.max))}
        label="Constraints (optional)"
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={form.constraints}
            onChange={(event) => onChange("constraints", event.target.value)}
          />
        )}
      </Field>
      <div className="spark-form-row">
        <TextField
          {...field("count", `${BRIEF_LIMITS.count.min}–${BRIEF_LIMITS.count.max}`)}
          label="Number of ideas"
          type="number"
          inputMode="numeric"
          min={BRIEF_LIMITS.count.min}
          max={BRIEF_LIMITS.count.max}
          step={1}
          value={form.count}
          onValueChange={(value) => onChange("count", value)}
        />
        <Field {...field("tone")} label="Tone">
          {(control) => (
            <select
              {...control}
              value={form.tone}
              onChange={(event) => onChange("tone", event.target.value)}
            >
              {TONES.map((tone) => (
                <option key={tone} value={tone}>
                  {tone.charAt(0).toUpperCase() + tone.slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
