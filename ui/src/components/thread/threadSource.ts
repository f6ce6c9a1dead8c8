// Where a thread (内部交流) comes from: the broker's own cache (their messages pending until the
// next sync, read again after every sync) or, for a lead, head office (online only).

import { useCallback, useMemo, useRef, useState } from "react";
import { api } from "../../api";
import type { CommentRecord } from "../../bindings/CommentRecord";
import type { CommentSubject } from "../../bindings/CommentSubject";
import type { CommentView } from "../../bindings/CommentView";
import { refreshSyncStatus, useSyncStatusEvents } from "../../hooks/useSyncStatus";

/** One message as a thread shows it, whichever side it came from. */
export interface ThreadMessage {
  id: string;
  authorId: string;
  author: string;
  /** RFC 3339 UTC. */
  at: string;
  body: string;
  /** Written on this desk, not yet at head office. */
  pending: boolean;
}

export interface ThreadSource {
  load: () => Promise<ThreadMessage[]>;
  /** Adds a message (already trimmed); resolves to the whole thread with it. */
  send: (body: string) => Promise<ThreadMessage[]>;
  /** Changes whenever the thread should be read again. */
  key: unknown;
}

export function fromRecord(c: CommentRecord, pending = false): ThreadMessage {
  return { id: c.id, authorId: c.author_id, author: c.author_name, at: c.at, body: c.body, pending };
}

const fromView = ({ comment, pending }: CommentView): ThreadMessage => fromRecord(comment, pending);

/** Counts finished syncs: what a sync brings (a lead's answer, a confirmed message) shows. */
function useFinishedSyncs(): number {
  const [syncs, setSyncs] = useState(0);
  const wasSyncing = useRef(false);
  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setSyncs((n) => n + 1);
    wasSyncing.current = status.syncing;
  });
  return syncs;
}

/** The broker's thread on their task or transfer request (`comments` / `add_comment`). */
export function useBrokerThread(subject: CommentSubject, subjectId: string): ThreadSource {
  const syncs = useFinishedSyncs();
  const load = useCallback(
    () => api.comments(subject, subjectId).then((views) => views.map(fromView)),
    [subject, subjectId],
  );
  const send = useCallback(
    (body: string) =>
      api.addComment(subject, subjectId, body).then((views) => {
        // The message waits in the outbox: the status bar's pending count has changed.
        refreshSyncStatus().catch((reason: unknown) => console.error("cannot refresh sync status", reason));
        return views.map(fromView);
      }),
    [subject, subjectId],
  );
  return useMemo(() => ({ load, send, key: `${subject}:${subjectId}:${syncs}` }), [load, send, subject, subjectId, syncs]);
}

/** A lead's view of a thread, from head office (`team_comments` / `add_team_comment`). */
export function useTeamThread(subject: CommentSubject, subjectId: string): ThreadSource {
  const load = useCallback(
    () => api.teamComments(subject, subjectId).then((records) => records.map((c) => fromRecord(c))),
    [subject, subjectId],
  );
  const send = useCallback(
    (body: string) =>
      api
        .addTeamComment({ subject, subject_id: subjectId, body })
        .then((records) => records.map((c) => fromRecord(c))),
    [subject, subjectId],
  );
  return useMemo(() => ({ load, send, key: `${subject}:${subjectId}` }), [load, send, subject, subjectId]);
}
