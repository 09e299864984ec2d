import { describe, expect, test } from 'vitest';
import type { UploadFields } from './calls-http';
import { consultant, manager, users } from './test-fixtures';
import { EMPTY_UPLOAD_CHOICE, uploadFields, type UploadChoice } from './upload-choice';

const client = { id: '0192f1d2-7a3b-7c4d-8e5f-0000000000d1', name: 'Anna Kowalska' };

describe('uploadFields', () => {
  test.each<[string, Partial<UploadChoice>, typeof manager | typeof consultant, UploadFields]>([
    ['a manager, nothing chosen: filed under themselves', {}, manager, { consultantChannel: 'left', consultantId: manager.id }],
    ['a manager naming a consultant', { consultantId: users[1]!.id }, manager, { consultantChannel: 'left', consultantId: users[1]!.id }],
    ['a consultant: never a consultant field', { consultantId: users[2]!.id }, consultant, { consultantChannel: 'left' }],
    [
      'scorecard, channel, client and a trimmed title',
      { scorecardKey: 'SERVICE', consultantChannel: 'right', client, title: '  Jazda próbna ' },
      consultant,
      { scorecardKey: 'SERVICE', consultantChannel: 'right', clientId: client.id, title: 'Jazda próbna' },
    ],
    ['a blank title is the file name (left to the API)', { title: '   ' }, consultant, { consultantChannel: 'left' }],
  ])('%s', (_, choice, user, fields) => {
    const result = uploadFields({ ...EMPTY_UPLOAD_CHOICE, ...choice }, user);
    // Exactly these keys: an undefined one is not sent (calls-http skips it), so compare the defined ones.
    expect(Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined))).toEqual(fields);
  });
});
