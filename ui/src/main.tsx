import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles.css";
import "./clientBook.css";
import "./recommend.css";
import "./commission.css";
import "./reconcile.css";
import "./agenda.css";
import "./team.css";
import "./threads.css";
import "./keyboard.css";

const root = document.getElementById("root");
if (!root) throw new Error("missing #root");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
