// The brief's inputs: each labelled, with its schema message underneath and a character counter
// against BRIEF_LIMITS, wired for assistive technology (aria-invalid, aria-describedby).
import { BRIEF_LIMITS, TONES } from "@ideaspark/domain";
import { useId, type ReactNode } from "react";
import type { FormDraft } from "../../lib/drafts";
import { counter, type BriefErrors, type BriefField } from "./briefForm";

interface Props {
  form: FormDraft;
  errors: BriefErrors;
  onChange: (field: BriefField, value: string) => void;
}

function Field(props: {
  name: BriefField;
  label: string;
  error: string | undefined;
  hint?: string;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className={`field${props.error ? " has-error" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy })}
      {props.hint && (
        <p className="field-hint spark-counter" id={hintId} data-testid={`${props.name}-counter`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={errorId} data-testid={`${props.name}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function BriefFields({ form, errors, onChange }: Props) {
  const common = (name: BriefField, describedBy: string | undefined) => ({
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy,
    "data-testid": `${name}-input`,
  });
  return (
    <>
      <Field
        name="topic"
        label="What do you need ideas for?"
        error={errors.topic}
        hint={counter(form.topic, BRIEF_LIMITS.topic.max)}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            {...common("topic", describedBy)}
            value={form.topic}
            required
            placeholder="e.g. a launch campaign for a neighbourhood bakery"
            onChange={(event) => onChange("topic", event.target.value)}
          />
        )}
      </Field>
      <Field
        name="audience"
        label="Audience (optional)"
        error={errors.audience}
        hint={counter(form.audience, BRIEF_LIMITS.audience.max)}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            {...common("audience", describedBy)}
            value={form.audience}
            onChange={(event) => onChange("audience", event.target.value)}
          />
        )}
      </Field>
      <Field
        name="constraints"
        label="Constraints (optional)"
        error={errors.constraints}
        hint={counter(form.constraints, BRIEF_LIMITS.constraints.max)}
      >
        {({ id, describedBy }) => (
          <textarea
            id={id}
            {...common("constraints", describedBy)}
            rows={3}
            value={form.constraints}
            onChange={(event) => onChange("constraints", event.target.value)}
          />
        )}
      </Field>
      <div className="spark-form-row">
        <Field
          name="count"
          label="Number of ideas"
          error={errors.count}
          hint={`${BRIEF_LIMITS.count.min}–${BRIEF_LIMITS.count.max}`}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              {...common("count", describedBy)}
              type="number"
              inputMode="numeric"
              min={BRIEF_LIMITS.count.min}
              max={BRIEF_LIMITS.count.max}
              step={1}
              value={form.count}
              onChange={(event) => onChange("count", event.target.value)}
            />
          )}
        </Field>
        <Field name="tone" label="Tone" error={errors.tone}>
          {({ id, describedBy }) => (
            <select
              id={id}
              {...common("tone", describedBy)}
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
