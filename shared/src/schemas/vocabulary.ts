import { z } from 'zod';

/** The ten buyer archetypes (stable ids; the UI shows translated names from the knowledge pack). */
export const ARCHETYPE_IDS = [
  'status_seeker',
  'family_guardian',
  'pragmatic_analyst',
  'eco_enthusiast',
  'tech_pioneer',
  'technical_sceptic',
  'premium_loyalist',
  'bargain_hunter',
  'undecided_explorer',
  'performance_enthusiast',
] as const;
export const ArchetypeIdSchema = z.enum(ARCHETYPE_IDS);
export type ArchetypeId = z.infer<typeof ArchetypeIdSchema>;

/** The twelve knowledge modules, each activated by keywords and by retrieval. */
export const MODULE_IDS = [
  'company_fleet',
  'home_energy',
  'family',
  'tco_costs',
  'range_winter',
  'service_reliability',
  'financing',
  'trade_in',
  'performance',
  'technology',
  'test_drive',
  'competition',
] as const;
export const ModuleIdSchema = z.enum(MODULE_IDS);
export type ModuleId = z.infer<typeof ModuleIdSchema>;

/** What a next move asks the rep to do. */
export const SUGGESTION_KINDS = ['question', 'argument', 'objection_handling', 'close', 'next_step'] as const;
export const SuggestionKindSchema = z.enum(SUGGESTION_KINDS);
export type SuggestionKind = z.infer<typeof SuggestionKindSchema>;

/** The four numbers of the main analysis, each 0–100. */
export const SCORE_IDS = ['readiness', 'funDriveRisk', 'lossRisk', 'potential'] as const;
export const ScoreIdSchema = z.enum(SCORE_IDS);
export type ScoreId = z.infer<typeof ScoreIdSchema>;

/**
 * Qualitative signals: what the client's words say about the deal. The LLM and the deterministic
 * extractor both speak this vocabulary, so one set of scoring rules turns either into numbers.
 */
export const SIGNAL_IDS = [
  'buying_intent', // wants to buy, asks about the order, delivery, contract
  'urgency', // a near deadline: this month, before winter, old lease ends
  'budget_stated', // names an amount or a monthly rate
  'financing_interest', // asks about credit, lease, instalments, subsidies
  'trade_in', // wants to hand in the current car
  'test_drive_request', // asks for a test drive
  'free_ride_intent', // wants the ride, not the car: a weekend, a trip, fun, "just to try"
  'just_looking', // browsing, no plan yet
  'price_objection', // too expensive, cheaper elsewhere, asks for a discount
  'competitor_comparison', // compares with another brand or dealer
  'technical_doubt', // worries about range, battery, charging, reliability
  'decision_maker_absent', // someone else decides: spouse, board, boss
  'delay', // "I'll think about it", "I'll call you", postpones
  'disengagement', // short answers, no time, already decided elsewhere
  'positive_emotion', // enthusiasm, delight, trust
  'negative_emotion', // irritation, distrust, disappointment
  'business_use', // company car, fleet, VAT, depreciation
  'family_needs', // children, safety, space
  'home_charging', // house, solar panels, wallbox, garage
  'high_value', // several cars, premium trims, a fleet: a deal worth more
] as const;
export const SignalIdSchema = z.enum(SIGNAL_IDS);
export type SignalId = z.infer<typeof SignalIdSchema>;

/** Facts the extractor pulls out of an observation and the co-pilot remembers as key facts. */
export const ENTITY_KINDS = ['budget', 'timeline', 'competitor', 'current_car', 'family', 'business_use'] as const;
export const EntityKindSchema = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKindSchema>;

export const LANGUAGES = ['pl', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
