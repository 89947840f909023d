// Form state for small forms validated by a zod schema: values, the first error per field, a
// form-level error, and a submit wrapper that validates first and never double-submits.
import { useCallback, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

/** The first message for each field, or null when the values are valid. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  return { data: null, errors };
}

export function useForm<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  initial: z.input<S>,
) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<FieldErrors<z.input<S>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);

  const setField = useCallback(
    <K extends keyof z.input<S> & string>(name: K, value: z.input<S>[K]) => {
      setValues((current) => ({ ...(current as object), [name]: value }) as z.input<S>);
      // Editing a field clears its message; the next submit checks again.
      setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
    },
    [],
  );

  /** Validates, then runs `action` with the parsed values; errors it throws stay with the caller. */
  const handleSubmit = useCallback(
    (action: (data: z.output<S>) => Promise<void>) => async (event?: FormEvent) => {
      event?.preventDefault();
      if (busy.current) return;
      const result = validate(schema, values);
      if (result.errors) {
        setErrors(result.errors as FieldErrors<z.input<S>>);
        setFormError(null);
        return;
      }
      setErrors({});
      setFormError(null);
      busy.current = true;
      setSubmitting(true);
      try {
        await action(result.data);
      } finally {
        busy.current = false;
        setSubmitting(false);
      }
    },
    [schema, values],
  );

  return { values, setField, errors, setErrors, formError, setFormError, submitting, handleSubmit };
}
