import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '@sufler/shared';
import { CallDetailView } from './call-detail';
import { CallList, INITIAL_LIST_STATE, type ListState } from './call-list';
import type { CallsClient } from './calls-client';
import type { CallsHttp } from './calls-http';
import { createUploadStore } from './upload-store';
import { callsKeys } from './use-calls-data';

/** Who is signed in, as the call screens need it: the role decides the filters, the id the upload's default. */
export type CallsUser = Pick<User, 'id' | 'email' | 'role'>;

/**
 * "Rozmowy": the list of calls with the upload, or one call's review (`callId`, from the route). The uploads
 * live here, above both, so a transfer keeps going (and reporting) while a call is open.
 */
export function CallsScreen({
  client,
  http,
  user,
  callId,
  onOpen,
  onClose,
}: {
  client: CallsClient;
  http: CallsHttp;
  user: CallsUser;
  callId: string | null;
  onOpen: (callId: string) => void;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  // Filters and page survive opening a call and coming back.
  const [listState, setListState] = useState<ListState>(INITIAL_LIST_STATE);
  const [uploads] = useState(() =>
    createUploadStore({
      http,
      onUploaded: () => {
        void queryClient.invalidateQueries({ queryKey: callsKeys.lists });
        void queryClient.invalidateQueries({ queryKey: callsKeys.dashboards });
      },
    }),
  );

  if (callId) return <CallDetailView key={callId} client={client} http={http} callId={callId} onBack={onClose} />;
  return <CallList client={client} user={user} uploads={uploads} state={listState} onStateChange={setListState} onOpen={onOpen} />;
}
