// React.lazy over a module's named screen export (each admin screen loads with its own chunk).
import { lazy, type ComponentType } from "react";

export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
