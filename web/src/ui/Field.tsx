// One form field, used by every form: the label, the control (an input, textarea or select the
// caller renders with the props given), an optional hint and the field's message, wired for
// assistive technology (aria-invalid, aria-describedby) and addressable in tests as
// `<name>-input` and `<name>-error`.
import { useId, type ReactNode } from "react";

/** What the control must spread onto itself to be labelled, described and found in tests. */
export interface FieldControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "data-testid": string;
}

export interface FieldProps {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Extra class and test id for the hint, e.g. a character counter. */
  hintClassName?: string;
  hintTestId?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({
  label,
  name,
  error,
  hint,
  hintClassName,
  hintTestId,
  children,
}: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
        "data-testid": `${name}-input`,
      })}
      {hint && (
        <p
          className={hintClassName ? `field-hint ${hintClassName}` : "field-hint"}
          id={hintId}
          data-testid={hintTestId}
        >
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} data-testid={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
