import { CallCriterionEntity } from '../modules/calls/call-criterion.entity';
import { CallSegmentEntity } from '../modules/calls/call-segment.entity';
import { CallStageEntity } from '../modules/calls/call-stage.entity';
import { CallEntity } from '../modules/calls/call.entity';
import { ScorecardEntity } from '../modules/calls/scorecard.entity';
import { TranscriptRevisionEntity } from '../modules/calls/transcript-revision.entity';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { ClientEntity } from '../modules/clients/client.entity';
import { FeedbackEntity } from '../modules/feedback/feedback.entity';
import { LlmUsageEntity } from '../modules/llm/llm-usage.entity';
import { InteractionEntity } from '../modules/sessions/interaction.entity';
import { SessionEntity } from '../modules/sessions/session.entity';
import { UserEntity } from '../modules/users/user.entity';
import { LiveSegmentEntity } from '../modules/live/live-segment.entity';
import { LiveSessionEntity } from '../modules/live/live-session.entity';
import { SettingEntity } from '../modules/settings/setting.entity';

/** Every entity the ORM knows; the migrations create exactly these tables. */
export const entities = [
  UserEntity,
  RefreshTokenEntity,
  ClientEntity,
  SessionEntity,
  InteractionEntity,
  FeedbackEntity,
  AuditLogEntity,
  LlmUsageEntity,
  CallEntity,
  CallStageEntity,
  CallSegmentEntity,
  CallCriterionEntity,
  TranscriptRevisionEntity,
  ScorecardEntity,
  LiveSessionEntity,
  LiveSegmentEntity,
  SettingEntity,
];
