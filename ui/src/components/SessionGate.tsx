import { App, Button, Result, Spin } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, onLocked, onSessionLost, toIpcError } from "../api";
import type { IpcError } from "../bindings/IpcError";
import type { SessionState } from "../bindings/SessionState";
import { useT } from "../i18n/context";
import { Desk } from "./Desk";
import { LockScreen } from "./LockScreen";
import { SignIn } from "./SignIn";

type Gate = { session: SessionState; error: null } | { session: null; error: IpcError };

/** Sign-in screen, lock screen or the desk, from `session_state`. */
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

  // A command found the desk locked (e.g. at start, or locked meanwhile): hide the book.
  useEffect(
    () =>
      onLocked(() =>
        setGate((current) =>
          current?.session?.signed_in ? { session: { ...current.session, locked: true }, error: null } : current,
        ),
      ),
    [],
  );

  // Told once in the workstation, e.g. that signing in had to set an unreadable cache aside.
  const { modal } = App.useApp();
  const toldNotice = useRef<string | null>(null);
  useEffect(() => {
    const s = gate?.session;
    if (!s?.signed_in || s.locked || !s.notice || toldNotice.current === s.notice) return;
    toldNotice.current = s.notice;
    modal.warning({ title: t("app.noticeTitle"), content: s.notice, okText: t("app.noticeOk") });
  }, [gate, modal, t]);

  const takeSession = useCallback((next: SessionState) => setGate({ session: next, error: null }), []);

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
  if (session.signed_in && session.locked) {
    // Nothing of the book stays mounted behind the lock screen.
    return <LockScreen session={session} onSession={takeSession} />;
  }
  if (session.signed_in) {
    return <Desk key={session.user?.user_id ?? ""} user={session.user} onSession={takeSession} />;
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
