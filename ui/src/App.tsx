import { AppProviders } from "./AppProviders";
import { SessionGate } from "./components/SessionGate";

export function App() {
  return (
    <AppProviders>
      <SessionGate />
    </AppProviders>
  );
}
