import { TEAM_ROLES, type ConsultantChannel } from '@sufler/shared';
import type { ClientOption } from './calls-client';
import type { UploadFields } from './calls-http';
import type { CallsUser } from './calls-screen';

/** What applies to the files sent next, as the upload's fields show it; '' for "the API's default". */
export interface UploadChoice {
  scorecardKey: string;
  consultantChannel: ConsultantChannel;
  /** Managers and admins only; '' is the uploader themselves. */
  consultantId: string;
  client: ClientOption | null;
  title: string;
}

export const EMPTY_UPLOAD_CHOICE: UploadChoice = { scorecardKey: '', consultantChannel: 'left', consultantId: '', client: null, title: '' };

/**
 * The multipart fields of a choice. A manager or an admin always names the consultant (themselves by
 * default); a consultant never does, as the API files their uploads as theirs. Blanks are left out.
 */
export function uploadFields(choice: UploadChoice, user: CallsUser): UploadFields {
  const title = choice.title.trim();
  return {
    scorecardKey: choice.scorecardKey || undefined,
    consultantChannel: choice.consultantChannel,
    consultantId: TEAM_ROLES.includes(user.role) ? choice.consultantId || user.id : undefined,
    clientId: choice.client?.id,
    title: title || undefined,
  };
}
