import { Button, Result, Spin } from "antd";
import { useCallback, useEffect, useState } from "react";
import { api, onSessionLost, toIpcError } from "../api";
import type { IpcError } from "../bindings/IpcError";
import type { SessionState } from "../bindings/SessionState";
import { useT } from "../i18n/context";
import { Desk } from "./Desk";
import { SignIn } from "./SignIn";

type Gate = { session: SessionState; error: null } | { session: null; error: IpcError };

/** Sign-in screen or the desk, from `session_state`. */
export function SessionGate() {
  const t = useT();
  const [gate, setGate] = useState<Gate | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    api.sessionState().then(
      (session) => setGate({ session, error: null }),
      (reason: unknown) => setGate({ session: null, error: toIpcError(reason) }),
    );
  }, []);

  useEffect(load, [load]);

  // A command found the session gone (ended elsewhere, expired): back to sign-in.
  useEffect(
    () =>
      onSessionLost((error) => {
        setNotice(error.message);
        load();
      }),
    [load],
  );

  if (gate === null) {
    return (
      <div className="center-fill">
        <Spin description={t("app.loading")} />
      </div>
    );
  }

  if (gate.error) {
    return (
      <div className="center-fill">
        <Result
          status="error"
          title={t("app.loadFailed")}
          subTitle={gate.error.message}
          extra={
            <Button
              type="primary"
              onClick={() => {
                setGate(null);
                load();
              }}
            >
              {t("app.retry")}
            </Button>
          }
        />
      </div>
    );
  }

  const { session } = gate;
  if (session.signed_in) {
    return (
      <Desk
        key={session.user?.user_id ?? ""}
        user={session.user}
        onSignedOut={(next) => setGate({ session: next, error: null })}
      />
    );
  }
  return (
    <SignIn
      session={session}
      notice={notice}
      onSignedIn={(next) => {
        setNotice(null);
        setGate({ session: next, error: null });
      }}
    />
  );
}
