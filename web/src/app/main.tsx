// Entry point: styles, then the router. Nothing here waits for Firebase.
import "./zodWithoutEval";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import "../styles.css";
import { App } from "./App";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

// A transition lets React render the first screen in short slices, yielding to the browser
// between them, instead of one long task that blocks input while the app starts.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
