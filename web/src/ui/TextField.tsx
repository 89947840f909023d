// The common case of Field: a single-line input holding text, with every other input attribute
// (type, autoComplete, inputMode, …) passed through.
import type { InputHTMLAttributes } from "react";
import { Field, type FieldProps } from "./Field";

type FieldPart = "label" | "name" | "error" | "hint" | "hintClassName" | "hintTestId";

interface TextFieldProps
  extends
    Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "children" | FieldPart>,
    Pick<FieldProps, FieldPart> {
  value: string;
  onValueChange: (value: string) => void;
}

export function TextField({
  label,
  name,
  error,
  hint,
  hintClassName,
  hintTestId,
  value,
  onValueChange,
  type = "text",
  ...rest
}: TextFieldProps) {
  return (
    <Field {...{ label, name, error, hint, hintClassName, hintTestId }}>
      {(control) => (
        <input
          {...rest}
          {...control}
          type={type}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </Field>
  );
}
