import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Field } from "./Field";
import { TextField } from "./TextField";

const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe("Field", () => {
  it("labels its control and describes it by the hint, then the message", () => {
    render(
      <Field label="Constraints" name="constraints" hint="3 / 1000" error="Too long.">
        {(control) => <textarea {...control} />}
      </Field>,
    );
    const control = screen.getByLabelText("Constraints");
    expect(control.tagName).toBe("TEXTAREA");
    expect(control.getAttribute("name")).toBe("constraints");
    expect(control.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(control)).toEqual(["3 / 1000", "Too long."]);
    expect(screen.getByTestId("constraints-input")).toBe(control);
    expect(screen.getByTestId("constraints-error").textContent).toBe("Too long.");
  });

  it("is neither invalid nor described when it has no hint or message", () => {
    render(
      <Field label="Tone" name="tone">
        {(control) => (
          <select {...control}>
            <option>Bold</option>
          </select>
        )}
      </Field>,
    );
    const control = screen.getByLabelText("Tone");
    expect(control.tagName).toBe("SELECT");
    expect(control.hasAttribute("aria-invalid")).toBe(false);
    expect(control.hasAttribute("aria-describedby")).toBe(false);
    expect(screen.queryByTestId("tone-error")).toBeNull();
  });

  it("gives the hint an extra class and test id when asked (a counter)", () => {
    render(
      <Field label="Topic" name="topic" hint="0 / 500" hintClassName="counter" hintTestId="c">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(screen.getByTestId("c").className).toBe("field-hint counter");
  });
});

describe("TextField", () => {
  it("is a Field around an input that reports each typed value", () => {
    const onValueChange = vi.fn();
    render(
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value=""
        onValueChange={onValueChange}
        error="Enter your email."
      />,
    );
    const input = screen.getByLabelText("Email");
    expect(input.getAttribute("type")).toBe("email");
    expect(input.getAttribute("autocomplete")).toBe("email");
    expect(describedBy(input)).toEqual(["Enter your email."]);
    fireEvent.change(input, { target: { value: "a@b.test" } });
    expect(onValueChange).toHaveBeenCalledWith("a@b.test");
  });
});
