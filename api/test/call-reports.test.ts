import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { describe, expect, test } from 'vitest';
import type { CallDetail, CallScore, CriterionScore, SentimentPoint, TranscriptSegment } from '@sufler/shared';
import { CallReportError, renderCallPdf, renderCallsXlsx, type CallExportRow } from '../src/modules/calls/reports';

// ---- Fixtures: a Polish EV-dealership call as the service returns it ----------------------------

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const GENERATED_AT = new Date('2025-03-14T09:30:00.000Z');
const TITLE = 'Rozmowa z p. Nowakiem — SUV elektryczny';
/** Every Polish letter a standard PDF font loses: ą ę ł ń ś ź ż. */
const POLISH_SENTENCE =
  'Dojeżdżam codziennie czterdzieści kilometrów, więc zasięg zimą jest dla mnie ważny, a źle znoszę ładowanie dłuższe niż pół godziny w dzień roboczy.';
const OVERRIDE_COMMENT = 'Konsultant dopytał o dzienny przebieg i ładowanie w domu — to pełna analiza potrzeb.';
const SEGMENT_MS = 6_000;

const DIALOGUE: [TranscriptSegment['speaker'], string][] = [
  ['CONSULTANT', 'Dzień dobry, nazywam się Anna Kowalska, salon ElektroMobil w Poznaniu. W czym mogę pomóc?'],
  ['CLIENT', 'Dzień dobry, interesuje mnie elektryczny SUV dla rodziny.'],
  ['CONSULTANT', 'Na co zwraca Pan uwagę przy wyborze auta? Ile kilometrów przejeżdża Pan dziennie?'],
  ['CLIENT', POLISH_SENTENCE],
  ['CONSULTANT', 'Rozumiem. Na szybkiej ładowarce 150 kW bateria naładuje się od 10 do 80 procent w około 28 minut.'],
  ['CLIENT', 'To brzmi rozsądnie, ale cena wydaje mi się wysoka.'],
  ['CONSULTANT', 'Możemy policzyć leasing z dopłatą z programu NaszEauto, wtedy rata wyraźnie spada.'],
  ['CLIENT', 'Dobrze, proszę przesłać ofertę mailem, żona też musi ją zobaczyć.'],
  ['CONSULTANT', 'Oczywiście, wyślę ją dziś do szesnastej i zadzwonię w czwartek, żeby umówić jazdę próbną.'],
  [null, 'Świetnie, dziękuję. Do usłyszenia.'],
];
const CLIENT_SCORES = [0.3, -0.1, -0.45, 0.2, 0.6];

function segments(count: number): TranscriptSegment[] {
  return Array.from({ length: count }, (_, index) => {
    const [speaker, text] = DIALOGUE[index % DIALOGUE.length]!;
    const client = speaker === 'CLIENT';
    const sentiment = client ? CLIENT_SCORES[Math.floor(index / 2) % CLIENT_SCORES.length]! : null;
    return {
      id: id(1000 + index),
      index,
      speaker,
      channel: speaker === 'CONSULTANT' ? 0 : 1,
      startMs: index * SEGMENT_MS,
      endMs: index * SEGMENT_MS + SEGMENT_MS - 500,
      text,
      sentiment,
      emotion: sentiment === null ? null : sentiment < -0.2 ? 'hesitant' : 'interested',
      sentimentSource: sentiment === null ? null : 'rules',
      edited: false,
    };
  });
}

const timeline = (segs: TranscriptSegment[]): SentimentPoint[] =>
  segs
    .filter((s) => s.sentiment !== null)
    .map((s) => ({ segmentId: s.id, startMs: s.startMs, endMs: s.endMs, score: s.sentiment!, emotion: s.emotion! }));

function criterion(
  criterionId: string,
  label: string,
  weight: number,
  result: CriterionScore['result'],
  extra: Partial<CriterionScore> & { quote?: string; atMs?: number; source?: 'llm' | 'rules' } = {},
): CriterionScore {
  const { quote, atMs = 0, source = 'rules', ...rest } = extra;
  return {
    criterionId,
    label,
    weight,
    autoFail: false,
    automatic: {
      criterionId,
      result,
      evidence: quote ? { quote, atMs, segmentId: null } : null,
      source,
      rationale: null,
    },
    override: null,
    result,
    ...rest,
  };
}

const SALES_CRITERIA: CriterionScore[] = [
  criterion('greeting', 'Powitanie i przedstawienie się', 10, 'met', { quote: 'nazywam się Anna Kowalska, salon ElektroMobil' }),
  criterion('needs-analysis', 'Analiza potrzeb', 30, 'met', {
    automatic: {
      criterionId: 'needs-analysis',
      result: 'partly',
      evidence: { quote: 'Na co zwraca Pan uwagę przy wyborze auta?', atMs: 12_000, segmentId: id(1002) },
      source: 'llm',
      rationale: 'Jedno pytanie o potrzeby, bez pytania o budżet.',
    },
    override: { result: 'met', comment: OVERRIDE_COMMENT, byUserId: id(9), at: '2025-03-13T10:00:00.000Z' },
  }),
  criterion('objection-handling', 'Obsługa zastrzeżeń', 25, 'met', { quote: 'Możemy policzyć leasing z dopłatą', atMs: 36_000, source: 'llm' }),
  criterion('next-step', 'Ustalenie kolejnego kroku', 25, 'met', { autoFail: true, quote: 'zadzwonię w czwartek', atMs: 48_000 }),
  criterion('gdpr-consent', 'Zgoda na kontakt (RODO)', 10, 'not_met'),
];

const salesScore = (criteria = SALES_CRITERIA, version = 3): CallScore => ({
  scorecardKey: 'SALES',
  scorecardVersion: version,
  scorecardName: 'Sprzedaż — rozmowa z klientem',
  total: 90,
  autoFailed: false,
  criteria,
});

function callDetail(overrides: Partial<CallDetail> = {}, segmentCount = DIALOGUE.length): CallDetail {
  const segs = segments(segmentCount);
  return {
    id: id(1),
    title: TITLE,
    consultant: { id: id(2), email: 'anna.kowalska@elektromobil.pl' },
    client: { id: id(3), name: 'Jan Nowak' },
    mimeType: 'audio/wav',
    sizeBytes: 1_200_000,
    durationMs: segmentCount * SEGMENT_MS,
    channels: 2,
    consultantChannel: 'left',
    scorecardKey: 'SALES',
    status: 'done',
    score: 90,
    sentiment: 0.11,
    recordedAt: '2025-03-12T13:05:00.000Z',
    createdAt: '2025-03-12T13:20:00.000Z',
    stages: [],
    transcriptVersion: 1,
    segments: segs,
    evaluation: salesScore(),
    metrics: { talkRatio: 0.58, longestMonologueMs: 74_000, interruptions: 2, wordsPerMinute: 131.4, questions: 6 },
    sentimentTimeline: timeline(segs),
    ...overrides,
  };
}

// ---- Reading the files back --------------------------------------------------------------------

async function readPdf(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    // Lines wrap wherever the layout put them: compare on single spaces.
    return { text: text.text.replace(/\s+/g, ' '), pages: text.total, info: info.info as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

async function readXlsx(xlsx: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return wb;
}

const headerValues = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

// ---- PDF ---------------------------------------------------------------------------------------

describe('renderCallPdf', () => {
  test('a Polish report has the header, scores with evidence and override, chart labels, metrics and transcript', async () => {
    const pdf = await renderCallPdf(callDetail(), { language: 'pl', generatedAt: GENERATED_AT });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, info } = await readPdf(pdf);
    expect(text).toContain(TITLE);
    expect(text).toContain('anna.kowalska@elektromobil.pl');
    expect(text).toContain('Jan Nowak');
    expect(text).toContain('12.03.2025, 14:05'); // 13:05 UTC is 14:05 in Warsaw
    expect(text).toContain('Sprzedaż — rozmowa z klientem (SALES), wersja 3');
    expect(text).toContain('90 / 100');
    expect(text).toContain('Analiza potrzeb');
    expect(text).toContain(POLISH_SENTENCE);
    expect(text).toContain(OVERRIDE_COMMENT);
    expect(text).toContain('częściowo'); // the automatic result kept next to the override
    expect(text).toContain('„Na co zwraca Pan uwagę przy wyborze auta?” (00:12)');
    expect(text).toContain('Zgoda na kontakt (RODO)');
    expect(text).toContain('niespełnione');
    expect(text).toContain('Ustalenie kolejnego kroku (krytyczne)');
    expect(text).toContain('Nastawienie klienta w czasie rozmowy');
    expect(text).toMatch(/00:00 .*00:30 .*01:00/); // time ticks of the 60-second call
    expect(text).toContain('Tempo mówienia (słowa na minutę)');
    expect(text).toContain('131,4');
    expect(text).toContain('nie wnioskujemy o jego emocjach');
    expect(text).toContain('Transkrypcja');
    expect(text).toMatch(/00:18 Klient Dojeżdżam/);
    expect(text).toContain('Nieprzypisany');
    expect(text).toContain('Strona 1 z');
    expect(text).not.toContain('Wynik rozmowy wynosi 0');
    expect(info.Title).toBe(`Raport rozmowy: ${TITLE}`);
    expect(info.Author).toBe('Sufler');
    expect(String(info.CreationDate)).toMatch(/^D:20250314093000/);
    // The text is in the embedded Noto Sans, not a WinAnsi standard font.
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSans-Regular/);
    expect(pdf.toString('latin1')).not.toContain('/Helvetica');
  });

  test('a 900-segment transcript renders on many pages, each numbered "Strona N z M"', async () => {
    const call = callDetail({}, 900);
    const pdf = await renderCallPdf(call, { language: 'pl', generatedAt: GENERATED_AT });
    const { text, pages } = await readPdf(pdf);
    expect(pages).toBeGreaterThan(10);
    for (const n of [1, 2, pages]) expect(text).toContain(`Strona ${n} z ${pages}`);
    expect(text).not.toContain(`Strona ${pages + 1} z`);
    expect(text).toContain('89:54 Nieprzypisany Świetnie, dziękuję.'); // the last segment, past the hour
  }, 60_000);

  test('an English report has English headings and results', async () => {
    const { text } = await readPdf(await renderCallPdf(callDetail(), { language: 'en', generatedAt: GENERATED_AT }));
    for (const heading of ['Scores', 'Client sentiment over the call', 'Consultant behaviour', 'Transcript', 'Page 1 of']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('partly');
    expect(text).toContain('“Na co zwraca Pan uwagę przy wyborze auta?” (00:12)');
    expect(text).toContain('Recorded 12/03/2025, 14:05');
    expect(text).toContain('no emotions are inferred');
    expect(text).toContain(POLISH_SENTENCE); // the transcript stays as spoken
    expect(text).not.toContain('Strona');
  });

  test('a call not evaluated yet says so, and the empty chart and metrics say why they are empty', async () => {
    const call = callDetail({ status: 'processing', score: null, sentiment: null, evaluation: null, metrics: null, sentimentTimeline: [] });
    const { text } = await readPdf(await renderCallPdf(call, { language: 'pl', generatedAt: GENERATED_AT }));
    expect(text).toContain('Rozmowa nie została jeszcze oceniona.');
    expect(text).toContain('Brak danych o nastawieniu klienta dla tej rozmowy.');
    expect(text).toContain('Metryki nie zostały jeszcze policzone.');
    expect(text).toContain('w przetwarzaniu');
    expect(text).toContain('Karta oceny SALES');
  });

  test('an auto-failed call carries the notice', async () => {
    const criteria = SALES_CRITERIA.map((c) => (c.criterionId === 'next-step' ? { ...c, result: 'not_met' as const } : c));
    const call = callDetail({ evaluation: { ...salesScore(criteria), total: 0, autoFailed: true }, score: 0 });
    const { text } = await readPdf(await renderCallPdf(call, { language: 'pl', generatedAt: GENERATED_AT }));
    expect(text).toContain('Niespełnione kryterium krytyczne (auto-fail): wynik rozmowy wynosi 0.');
    expect(text).toContain('0 / 100');
  });
});

// ---- XLSX --------------------------------------------------------------------------------------

const exportRow = (call: CallDetail): CallExportRow => ({
  call,
  scorecardVersion: call.evaluation?.scorecardVersion ?? null,
  criteria: (call.evaluation?.criteria ?? []).map((c) => ({ criterionId: c.criterionId, label: c.label, result: c.result })),
});

function exportRows(): CallExportRow[] {
  const older = SALES_CRITERIA.filter((c) => c.criterionId !== 'gdpr-consent').map((c) =>
    c.criterionId === 'needs-analysis' ? { ...c, label: 'Badanie potrzeb', result: 'partly' as const } : c,
  );
  const service: CallScore = {
    scorecardKey: 'SERVICE',
    scorecardVersion: 1,
    scorecardName: 'Serwis',
    total: 50,
    autoFailed: false,
    criteria: [
      criterion('greeting', 'Powitanie i przedstawienie się', 50, 'partly'),
      criterion('diagnosis', 'Opis usterki', 50, 'not_met'),
    ],
  };
  return [
    exportRow(callDetail()),
    exportRow(callDetail({ id: id(11), title: 'Oddzwonienie — oferta leasingu', evaluation: salesScore(older, 2), score: 77.5, sentiment: -0.25 })),
    exportRow(callDetail({ id: id(12), title: 'Serwis: wymiana opon', scorecardKey: 'SERVICE', evaluation: service, score: 50, client: null })),
    exportRow(callDetail({ id: id(13), title: 'Nowe nagranie', status: 'processing', evaluation: null, score: null, sentiment: null })),
  ];
}

const BASE_HEADERS_PL = ['Data nagrania', 'Tytuł', 'Konsultant', 'Klient', 'Czas trwania', 'Karta oceny', 'Wersja karty', 'Wynik łączny', 'Średnie nastawienie klienta', 'Status'];
const CRITERION_HEADERS = [
  'SALES · Powitanie i przedstawienie się',
  'SALES · Analiza potrzeb', // the newest version's label wins over "Badanie potrzeb"
  'SALES · Obsługa zastrzeżeń',
  'SALES · Ustalenie kolejnego kroku',
  'SALES · Zgoda na kontakt (RODO)',
  'SERVICE · Powitanie i przedstawienie się', // same criterion id, other scorecard: its own column
  'SERVICE · Opis usterki',
];
const col = (header: string) => BASE_HEADERS_PL.length + CRITERION_HEADERS.indexOf(header) + 1;

describe('renderCallsXlsx', () => {
  test('one row per call, one column per criterion of the union, typed cells and colours', async () => {
    const wb = await readXlsx(await renderCallsXlsx(exportRows(), { language: 'pl', generatedAt: GENERATED_AT }));
    const sheet = wb.getWorksheet('Rozmowy')!;
    expect(headerValues(sheet)).toEqual([...BASE_HEADERS_PL, ...CRITERION_HEADERS]);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2025, 2, 12, 14, 5))); // Warsaw wall clock
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(2).value).toBe(TITLE);
    // A time cell: exceljs reads a number with a time format back as a Date from Excel's epoch.
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(1899, 11, 30, 0, 1, 0)));
    expect(first.getCell(5).numFmt).toBe('[mm]:ss');
    expect(first.getCell(7).value).toBe(3);
    expect(first.getCell(8).value).toBe(90);
    expect(first.getCell(9).value).toBe(0.11);
    expect(first.getCell(10).value).toBe('gotowa');
    expect(first.getCell(col('SALES · Analiza potrzeb')).value).toBe('spełnione'); // the override counts
    expect(first.getCell(col('SALES · Zgoda na kontakt (RODO)')).value).toBe('niespełnione');
    expect(first.getCell(col('SALES · Analiza potrzeb')).fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(first.getCell(col('SALES · Zgoda na kontakt (RODO)')).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(first.getCell(col('SERVICE · Opis usterki')).value).toBeNull();

    const older = sheet.getRow(3);
    expect(older.getCell(8).value).toBe(77.5);
    expect(older.getCell(9).value).toBe(-0.25);
    expect(older.getCell(col('SALES · Analiza potrzeb')).value).toBe('częściowo');
    expect(older.getCell(col('SALES · Zgoda na kontakt (RODO)')).value).toBeNull(); // v2 had no such criterion

    const service = sheet.getRow(4);
    expect(service.getCell(4).value).toBeNull();
    expect(service.getCell(col('SERVICE · Powitanie i przedstawienie się')).value).toBe('częściowo');
    expect(service.getCell(col('SALES · Powitanie i przedstawienie się')).value).toBeNull();

    const processing = sheet.getRow(5);
    expect(processing.getCell(8).value).toBeNull();
    expect(processing.getCell(10).value).toBe('w przetwarzaniu');
    for (const header of CRITERION_HEADERS) expect(processing.getCell(col(header)).value).toBeNull();
  });

  test('the criteria sheet has the share met per criterion', async () => {
    const wb = await readXlsx(await renderCallsXlsx(exportRows(), { language: 'pl', generatedAt: GENERATED_AT }));
    const sheet = wb.getWorksheet('Kryteria')!;
    expect(headerValues(sheet)).toEqual(['Karta oceny', 'Kryterium', 'Ocenione rozmowy', 'spełnione', 'częściowo', 'niespełnione', 'Odsetek spełnionych']);
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toHaveLength(CRITERION_HEADERS.length);
    expect(rows).toContainEqual(['SALES', 'Analiza potrzeb', 2, 1, 1, 0, 0.5]);
    expect(rows).toContainEqual(['SALES', 'Zgoda na kontakt (RODO)', 1, 0, 0, 1, 0]);
    expect(rows).toContainEqual(['SERVICE', 'Opis usterki', 1, 0, 0, 1, 0]);
  });

  test('English sheet names, headers and results', async () => {
    const wb = await readXlsx(await renderCallsXlsx(exportRows(), { language: 'en', generatedAt: GENERATED_AT }));
    const sheet = wb.getWorksheet('Calls')!;
    expect(headerValues(sheet).slice(0, 3)).toEqual(['Recorded', 'Title', 'Consultant']);
    expect(sheet.getRow(2).getCell(col('SALES · Analiza potrzeb')).value).toBe('met');
    expect(sheet.getRow(3).getCell(col('SALES · Analiza potrzeb')).value).toBe('partly');
    expect(wb.getWorksheet('Criteria')).toBeDefined();
  });

  test('an empty list is still a valid workbook with headers', async () => {
    const wb = await readXlsx(await renderCallsXlsx([], { language: 'pl', generatedAt: GENERATED_AT }));
    const sheet = wb.getWorksheet('Rozmowy')!;
    expect(headerValues(sheet)).toEqual(BASE_HEADERS_PL);
    expect(sheet.rowCount).toBe(1);
    expect(wb.getWorksheet('Kryteria')!.rowCount).toBe(1);
  });

  test('10,000 calls export', async () => {
    const template = exportRows();
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const row = template[i % template.length]!;
      return { ...row, call: { ...row.call, id: id(100_000 + i), title: `${row.call.title} #${i}` } };
    });
    const xlsx = await renderCallsXlsx(rows, { language: 'pl', generatedAt: GENERATED_AT });
    const sheet = (await readXlsx(xlsx)).getWorksheet('Rozmowy')!;
    expect(sheet.rowCount).toBe(10_001);
    expect(sheet.getRow(10_001).getCell(2).value).toBe('Nowe nagranie #9999');
  }, 120_000);
});

test.each([
  ['PDF', () => renderCallPdf(callDetail(), { language: 'pl', generatedAt: GENERATED_AT, timeZone: 'Europe/Warszawa' })],
  ['XLSX', () => renderCallsXlsx(exportRows(), { language: 'pl', generatedAt: GENERATED_AT, timeZone: 'Europe/Warszawa' })],
])('%s: an unknown time zone is a typed error', async (_, render) => {
  await expect(render()).rejects.toThrow(CallReportError);
  await expect(render()).rejects.toMatchObject({ code: 'BAD_TIME_ZONE' });
});
