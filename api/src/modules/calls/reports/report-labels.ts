import type { AnalysisSource, CallStatus, CriterionResult, Speaker } from '@sufler/shared';
import type { ReportLanguage } from './report-format';

/** Every word the PDF and XLSX reports print, per language (the product is Polish first). */
export type ReportLabels = {
  report: string;
  generated: string;
  consultant: string;
  client: string;
  noClient: string;
  recordedAt: string;
  duration: string;
  scorecard: string;
  version: string;
  scorecardVersion: string;
  status: string;
  total: string;
  autoFailed: string;
  notEvaluated: string;
  scoresHeading: string;
  criterion: string;
  weight: string;
  automatic: string;
  override: string;
  evidence: string;
  source: string;
  autoFailMark: string;
  sentimentHeading: string;
  meanSentiment: string;
  noSentiment: string;
  metricsHeading: string;
  talkRatio: string;
  longestMonologue: string;
  interruptions: string;
  wordsPerMinute: string;
  questions: string;
  noEmotionNote: string;
  noMetrics: string;
  transcriptHeading: string;
  noTranscript: string;
  time: string;
  speaker: string;
  text: string;
  unassigned: string;
  title: string;
  sentiment: string;
  callsSheet: string;
  criteriaSheet: string;
  callsEvaluated: string;
  metShare: string;
  page: (n: number, of: number) => string;
  quote: (text: string) => string;
  results: Record<CriterionResult, string>;
  sources: Record<AnalysisSource, string>;
  statuses: Record<CallStatus, string>;
  speakers: Record<Speaker, string>;
};

const pl: ReportLabels = {
  report: 'Raport rozmowy',
  generated: 'Wygenerowano',
  consultant: 'Konsultant',
  client: 'Klient',
  noClient: 'nie przypisano',
  recordedAt: 'Data nagrania',
  duration: 'Czas trwania',
  scorecard: 'Karta oceny',
  version: 'wersja',
  scorecardVersion: 'Wersja karty',
  status: 'Status',
  total: 'Wynik łączny',
  autoFailed: 'Niespełnione kryterium krytyczne (auto-fail): wynik rozmowy wynosi 0.',
  notEvaluated: 'Rozmowa nie została jeszcze oceniona.',
  scoresHeading: 'Ocena według karty',
  criterion: 'Kryterium',
  weight: 'Waga',
  automatic: 'Automatycznie',
  override: 'Korekta recenzenta',
  evidence: 'Dowód',
  source: 'Źródło',
  autoFailMark: 'krytyczne',
  sentimentHeading: 'Nastawienie klienta w czasie rozmowy',
  meanSentiment: 'Średnie nastawienie klienta',
  noSentiment: 'Brak danych o nastawieniu klienta dla tej rozmowy.',
  metricsHeading: 'Zachowanie konsultanta',
  talkRatio: 'Udział konsultanta w rozmowie',
  longestMonologue: 'Najdłuższy monolog',
  interruptions: 'Wejścia w słowo klientowi',
  wordsPerMinute: 'Tempo mówienia (słowa na minutę)',
  questions: 'Zadane pytania',
  noEmotionNote:
    'U konsultanta mierzymy wyłącznie zachowanie w rozmowie; nie wnioskujemy o jego emocjach (AI Act, art. 5 ust. 1 lit. f).',
  noMetrics: 'Metryki nie zostały jeszcze policzone.',
  transcriptHeading: 'Transkrypcja',
  noTranscript: 'Brak transkrypcji.',
  time: 'Czas',
  speaker: 'Mówca',
  text: 'Wypowiedź',
  unassigned: 'Nieprzypisany',
  title: 'Tytuł',
  sentiment: 'Średnie nastawienie klienta',
  callsSheet: 'Rozmowy',
  criteriaSheet: 'Kryteria',
  callsEvaluated: 'Ocenione rozmowy',
  metShare: 'Odsetek spełnionych',
  page: (n, of) => `Strona ${n} z ${of}`,
  quote: (text) => `„${text}”`,
  results: { met: 'spełnione', partly: 'częściowo', not_met: 'niespełnione' },
  sources: { llm: 'LLM', rules: 'reguły' },
  statuses: { processing: 'w przetwarzaniu', done: 'gotowa', failed: 'błąd przetwarzania' },
  speakers: { CLIENT: 'Klient', CONSULTANT: 'Konsultant' },
};

const en: ReportLabels = {
  report: 'Call report',
  generated: 'Generated',
  consultant: 'Consultant',
  client: 'Client',
  noClient: 'not assigned',
  recordedAt: 'Recorded',
  duration: 'Duration',
  scorecard: 'Scorecard',
  version: 'version',
  scorecardVersion: 'Scorecard version',
  status: 'Status',
  total: 'Total score',
  autoFailed: 'An auto-fail criterion was not met: the call scores 0.',
  notEvaluated: 'This call has not been evaluated yet.',
  scoresHeading: 'Scores',
  criterion: 'Criterion',
  weight: 'Weight',
  automatic: 'Automatic',
  override: 'Reviewer override',
  evidence: 'Evidence',
  source: 'Source',
  autoFailMark: 'auto-fail',
  sentimentHeading: 'Client sentiment over the call',
  meanSentiment: 'Mean client sentiment',
  noSentiment: 'No client sentiment for this call yet.',
  metricsHeading: 'Consultant behaviour',
  talkRatio: 'Consultant talk ratio',
  longestMonologue: 'Longest monologue',
  interruptions: 'Interruptions of the client',
  wordsPerMinute: 'Speaking pace (words per minute)',
  questions: 'Questions asked',
  noEmotionNote:
    'For the consultant only conversational behaviour is measured; no emotions are inferred (EU AI Act art. 5(1)(f)).',
  noMetrics: 'Metrics have not been computed yet.',
  transcriptHeading: 'Transcript',
  noTranscript: 'No transcript yet.',
  time: 'Time',
  speaker: 'Speaker',
  text: 'Text',
  unassigned: 'Unassigned',
  title: 'Title',
  sentiment: 'Mean client sentiment',
  callsSheet: 'Calls',
  criteriaSheet: 'Criteria',
  callsEvaluated: 'Calls evaluated',
  metShare: 'Share met',
  page: (n, of) => `Page ${n} of ${of}`,
  quote: (text) => `“${text}”`,
  results: { met: 'met', partly: 'partly', not_met: 'not met' },
  sources: { llm: 'LLM', rules: 'rules' },
  statuses: { processing: 'processing', done: 'done', failed: 'failed' },
  speakers: { CLIENT: 'Client', CONSULTANT: 'Consultant' },
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = { pl, en };
