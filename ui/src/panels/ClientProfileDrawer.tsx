import { Alert, Drawer, Spin } from "antd";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { IpcError } from "../bindings/IpcError";
import { useSyncStatusEvents } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import { ProfileBody } from "./profile/ProfileBody";

/** As wide as a 客户360 needs, never wider than the window. */
const DRAWER_WIDTH = "min(1280px, 96vw)";

interface Loaded {
  id: string;
  profile: ClientProfile | null;
  error: IpcError | null;
}

interface Props {
  /** The client to show; the drawer is closed when null. */
  clientId: string | null;
  onClose: () => void;
  /** Opens another client (a related one) in the drawer. */
  onOpenClient?: (clientId: string) => void;
  /** Told the client's name once the profile is in, so that shortcuts can name their subject. */
  onLoaded?: (client: { id: string; name: string }) => void;
}

/** 客户360 of one client in a wide drawer; loads it again after each sync. */
export function ClientProfileDrawer({ clientId, onClose, onOpenClient, onLoaded }: Props) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);
  // Bumped by every load and every saved note, so that an older answer never replaces a newer profile.
  const generation = useRef(0);
  const shownId = useRef(clientId);
  const wasSyncing = useRef(false);
  const announce = useEffectEvent((client: { id: string; name: string }) => onLoaded?.(client));

  useEffect(() => {
    shownId.current = clientId;
    if (clientId === null) return;
    let active = true;
    const asked = ++generation.current;
    const fresh = () => active && generation.current === asked;
    api.clientProfile(clientId).then(
      (profile) => {
        if (!fresh()) return;
        setLoaded({ id: clientId, profile, error: null });
        announce({ id: profile.id, name: profile.name });
      },
      (reason: unknown) => {
        if (!fresh()) return;
        const error = toIpcError(reason);
        // A failed refresh keeps the profile on screen (and any note being typed).
        setLoaded((prev) =>
          prev?.id === clientId && prev.profile ? prev : { id: clientId, profile: null, error },
        );
      },
    );
    return () => {
      active = false;
    };
  }, [clientId, reloads]);

  // A finished sync may have confirmed or rolled back pending notes: show the cache's view.
  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const takeProfile = (profile: ClientProfile) => {
    // A save that finishes after the drawer moved on to another client changes nothing here.
    if (profile.id !== shownId.current) return;
    generation.current += 1;
    setLoaded((prev) => (prev?.id === profile.id ? { id: profile.id, profile, error: null } : prev));
  };

  const current = loaded !== null && loaded.id === clientId ? loaded : null;
  const profile = current?.profile ?? null;

  return (
    <Drawer
      open={clientId !== null}
      onClose={onClose}
      size={DRAWER_WIDTH}
      destroyOnHidden
      title={t("profile.title")}
    >
      <div data-testid="client-profile">
        {clientId !== null && current === null && (
          <div className="drawer-loading">
            <Spin />
          </div>
        )}
        {current?.error && (
          <Alert
            type="error"
            showIcon
            title={t("profile.loadFailed")}
            description={current.error.message}
            data-testid="profile-error"
          />
        )}
        {profile && (
          <ProfileBody
            key={profile.id}
            profile={profile}
            onProfile={takeProfile}
            onReload={() => setReloads((n) => n + 1)}
            onOpenClient={onOpenClient}
          />
        )}
      </div>
    </Drawer>
  );
}
