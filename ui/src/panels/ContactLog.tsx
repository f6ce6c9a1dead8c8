import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Empty, Tag, Timeline, Typography } from "antd";
import type { TimelineProps } from "antd";
import { useEffect, useRef, useState } from "react";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { ContactNoteView } from "../bindings/ContactNoteView";
import { useClientDrawer } from "../components/ClientDrawer";
import { announceLocalWrite } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import { formatDateTime } from "../lib/format";
import { ContactForm } from "./ContactForm";
import { channelKey } from "./contactChannels";

interface Props {
  profile: ClientProfile;
  /** Takes the profile `add_contact_note` returned as the drawer's current one. */
  onProfile: (profile: ClientProfile) => void;
}

/** 联系记录: the client's contact notes, newest first, and the form to add one. */
export function ContactLog({ profile, onProfile }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const { request } = useClientDrawer();
  const answered = useRef<number | null>(null);

  // 记录联系 from the palette or N: the form opens, ready for the note.
  useEffect(() => {
    if (request?.intent !== "contact" || request.clientId !== profile.id) return;
    if (answered.current === request.seq) return;
    answered.current = request.seq;
    setAdding(true);
  }, [request, profile.id]);

  const saved = (next: ClientProfile) => {
    const before = new Set(profile.contacts.map((c) => c.id));
    const added = next.contacts.find((c) => !before.has(c.id));
    onProfile(next);
    setAdding(false);
    void message.success(added?.pending ? t("contact.savedPending") : t("contact.saved"));
    announceLocalWrite();
  };

  return (
    <section className="contact-log" data-testid="contact-log">
      <div className="contact-log-head">
        <Typography.Title level={5} className="profile-section">
          {t("contact.title")}
        </Typography.Title>
        {!adding && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="contact-add"
          >
            {t("contact.add")}
          </Button>
        )}
      </div>
      {adding && (
        <ContactForm clientId={profile.id} onSaved={saved} onCancel={() => setAdding(false)} />
      )}
      <ContactTimeline contacts={profile.contacts} />
    </section>
  );
}

function ContactTimeline({ contacts }: { contacts: ContactNoteView[] }) {
  const t = useT();
  const items: TimelineProps["items"] = contacts.map((c) => {
    const key = channelKey(c.channel);
    return {
      key: c.id,
      color: c.pending ? "orange" : "blue",
      content: (
        <div className="contact-item" data-testid="contact-item">
          <div className="contact-item-head">
            <Typography.Text strong>{key ? t(key) : c.channel}</Typography.Text>
            <Typography.Text type="secondary" className="tabular">
              {formatDateTime(c.contacted_at)}
            </Typography.Text>
            {c.pending && (
              <Tag color="orange" data-testid="contact-pending">
                {t("contact.pending")}
              </Tag>
            )}
          </div>
          <div className="contact-summary">{c.summary}</div>
          {c.follow_up_on && (
            <Typography.Text type="secondary" className="tabular" data-testid="contact-follow-up-on">
              {t("contact.followUpOn", { date: c.follow_up_on })}
            </Typography.Text>
          )}
        </div>
      ),
    };
  });
  return (
    <div className="contact-timeline" data-testid="contact-timeline">
      {contacts.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t("contact.empty")}
          data-testid="contact-empty"
        />
      ) : (
        <Timeline items={items} />
      )}
    </div>
  );
}
