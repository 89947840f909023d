import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useLoad } from "./useLoad";

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("useLoad", () => {
  it("says it is pending until an answer arrives, and keeps the last answer while reloading", async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const { result } = renderHook(() => useLoad("k", () => answers[call++]!.promise));
    expect(result.current).toMatchObject({ status: "loading", pending: true });
    await act(async () => answers[0]!.resolve("first"));
    expect(result.current).toMatchObject({ status: "ready", data: "first", pending: false });

    act(() => result.current.reload());
    expect(result.current).toMatchObject({ status: "ready", data: "first", pending: true });
    await act(async () => answers[1]!.resolve("second"));
    expect(result.current).toMatchObject({ status: "ready", data: "second", pending: false });
  });
});
