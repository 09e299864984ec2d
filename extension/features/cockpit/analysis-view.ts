import type {
  Analysis,
  AnalysisEvent,
  ArchetypeScore,
  LeaderChange,
  ProducedBy,
  Scores,
  Suggestion,
} from '@sufler/shared';

/** The stages of `analysis.observe`, in the order they arrive. */
export const STAGES = ['accepted', 'signals', 'archetypes', 'scores', 'suggestions', 'done'] as const;
export type Stage = (typeof STAGES)[number];

/** What the main analysis panel and the next moves show; built from the stream or from a stored analysis. */
export interface AnalysisView {
  interactionId: string | null;
  /** The last stage that arrived; null before anything did. */
  stage: Stage | null;
  archetypes: ArchetypeScore[];
  leaderChange: LeaderChange | null;
  scores: Scores | null;
  /** Who produced the scores step (the qualitative analysis) and the suggestions; null until known. */
  analysisBy: ProducedBy | null;
  suggestionsBy: ProducedBy | null;
  /** Always four slots; a slot is null until its suggestion has streamed in. */
  suggestions: (Suggestion | null)[];
}

export const emptySuggestions = (): (Suggestion | null)[] => [null, null, null, null];

export const EMPTY_VIEW: AnalysisView = {
  interactionId: null,
  stage: null,
  archetypes: [],
  leaderChange: null,
  scores: null,
  analysisBy: null,
  suggestionsBy: null,
  suggestions: emptySuggestions(),
};

/** One event applied to the view; pure, so the panel can be replayed from a list of events. */
export function reduceAnalysis(view: AnalysisView, event: AnalysisEvent): AnalysisView {
  switch (event.type) {
    case 'accepted':
      // A new observation: the previous analysis stays visible until the new stages replace it piece by piece,
      // but its suggestions cannot be rated against the new interaction, so they go.
      return { ...view, interactionId: event.interactionId, stage: 'accepted', suggestions: emptySuggestions(), suggestionsBy: null };
    case 'signals':
      return { ...view, stage: 'signals' };
    case 'archetypes':
      return { ...view, stage: 'archetypes', archetypes: sortByProbability(event.archetypes), leaderChange: event.leaderChange };
    case 'scores':
      return { ...view, stage: 'scores', scores: event.scores, analysisBy: event.producedBy };
    case 'suggestion': {
      if (event.index < 0 || event.index > 3) return view;
      const suggestions = [...view.suggestions];
      suggestions[event.index] = event.suggestion;
      return { ...view, stage: 'suggestions', suggestions };
    }
    case 'done':
      return viewFromAnalysis(event.interactionId, event.analysis);
  }
}

export function analysisViewOf(events: readonly AnalysisEvent[], start: AnalysisView = EMPTY_VIEW): AnalysisView {
  return events.reduce(reduceAnalysis, start);
}

/** A stored analysis (from `sessions.get`, or the `done` event) as a finished view. */
export function viewFromAnalysis(interactionId: string, analysis: Analysis): AnalysisView {
  const suggestions = emptySuggestions().map((_, index) => analysis.suggestions[index] ?? null);
  return {
    interactionId,
    stage: 'done',
    archetypes: sortByProbability(analysis.archetypes),
    leaderChange: analysis.leaderChange,
    scores: analysis.scores,
    analysisBy: analysis.producedBy.analysis,
    suggestionsBy: analysis.producedBy.suggestions,
    suggestions,
  };
}

/** How many of the four suggestions have arrived. */
export const suggestionCount = (view: AnalysisView) => view.suggestions.filter(Boolean).length;

/** Rules mode: when either step of the analysis came from the deterministic rules. */
export const inRulesMode = (view: AnalysisView) =>
  view.analysisBy?.mode === 'rules' || view.suggestionsBy?.mode === 'rules';

export const hasAnalysis = (view: AnalysisView) => view.scores !== null || view.archetypes.length > 0;

function sortByProbability(archetypes: ArchetypeScore[]): ArchetypeScore[] {
  return [...archetypes].sort((a, b) => b.probability - a.probability);
}

/** A probability (0…1) as a whole percentage, the way the panel prints it. */
export const percent = (probability: number) => Math.round(probability * 100);

type ScoreId = keyof Scores;

/** Risks are good when low, readiness and potential when high. */
export const lowerIsBetter = (scoreId: ScoreId) => scoreId === 'funDriveRisk' || scoreId === 'lossRisk';

/** How a score reads for the deal: the meter's colour, always backed by the number next to it. */
export function scoreTone(scoreId: ScoreId, value: number): 'good' | 'mid' | 'bad' {
  const favourable = lowerIsBetter(scoreId) ? 100 - value : value;
  return favourable >= 66 ? 'good' : favourable > 33 ? 'mid' : 'bad';
}

/** Whether a change of a score helps the deal; a rise in a risk does not. */
export const deltaTone = (scoreId: ScoreId, delta: number): 'good' | 'bad' =>
  (lowerIsBetter(scoreId) ? -delta : delta) > 0 ? 'good' : 'bad';

/** A change as the highlight prints it: "+7", "−3" (a real minus sign); no change is no text. */
export const formatDelta = (delta: number) => (delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '');
