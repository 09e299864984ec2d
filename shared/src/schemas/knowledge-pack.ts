import { z } from 'zod';
import {
  ArchetypeIdSchema,
  LanguageSchema,
  ModuleIdSchema,
  ScoreIdSchema,
  SignalIdSchema,
  EntityKindSchema,
} from './vocabulary';

/**
 * The knowledge pack: editable data files (YAML) that hold everything the co-pilot knows about one
 * line of business. These schemas validate the files when they are loaded; a bad file names the
 * field and nothing is loaded.
 */
const text = (max = 2000) => z.string().trim().min(1).max(max);

export const LocalizedSchema = z.object({ pl: text(), en: text() });
export type Localized = z.infer<typeof LocalizedSchema>;

const LocalizedListSchema = z.object({ pl: z.array(text()).min(1), en: z.array(text()).min(1) });

/**
 * A term to look for in the client's words. Folded (lower case, no diacritics) and matched per word;
 * a trailing `*` matches any ending, so `dziec*` finds "dzieci", "dzieciom", "dzieckiem" is `dzieck*`.
 * Several words must appear in that order, next to each other: `jazd* probn*`.
 */
export const TermSchema = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-*. ]*$/u, 'letters, digits, spaces, "-", "." and a trailing "*" per word');

/** A weighted term: how strongly one phrase points to an archetype (negative: away from it). */
export const WeightedTermSchema = z.object({ term: TermSchema, weight: z.number().min(-3).max(3) });
export type WeightedTerm = z.infer<typeof WeightedTermSchema>;

export const PlaybookSchema = z.object({
  questions: z.array(LocalizedSchema).min(3),
  arguments: z.array(LocalizedSchema).min(3),
  objections: z.array(z.object({ objection: LocalizedSchema, response: LocalizedSchema })).min(2),
  closing: z.array(LocalizedSchema).min(2),
  nextSteps: z.array(LocalizedSchema).min(2),
});
export type Playbook = z.infer<typeof PlaybookSchema>;

export const ArchetypeSchema = z.object({
  id: ArchetypeIdSchema,
  name: LocalizedSchema,
  description: LocalizedSchema,
  motivations: LocalizedListSchema,
  keyPhrases: LocalizedListSchema,
  style: LocalizedSchema,
  signals: z.array(WeightedTermSchema).min(5),
  playbook: PlaybookSchema,
});
export type Archetype = z.infer<typeof ArchetypeSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * A hard fact. Facts that could go stale (prices, ranges, programmes, law) carry where they come
 * from and when that was checked. A fact still holding a `{{placeholder}}` is a template the admin
 * fills in; until then it is never shown to the model or the rep.
 */
export const FactSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  text: text(),
  source: text(300),
  asOf: isoDate,
});
export type Fact = z.infer<typeof FactSchema>;

export const ModuleStrategySchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  text: text(),
  archetypes: z.array(ArchetypeIdSchema).default([]),
});
export type ModuleStrategy = z.infer<typeof ModuleStrategySchema>;

export const KnowledgeModuleSchema = z.object({
  id: ModuleIdSchema,
  name: LocalizedSchema,
  keywords: z.array(TermSchema).min(3),
  facts: z.array(FactSchema),
  strategies: z.array(ModuleStrategySchema).min(2),
});
export type KnowledgeModule = z.infer<typeof KnowledgeModuleSchema>;

/** What a scoring rule looks at; `min` is the least strength/probability for it to fire. */
export const RuleConditionSchema = z.union([
  z.object({ signal: SignalIdSchema, min: z.number().min(0).max(1).default(0) }),
  z.object({ entity: EntityKindSchema }),
  z.object({ module: ModuleIdSchema }),
  z.object({ archetype: ArchetypeIdSchema, min: z.number().min(0).max(1).default(0.25) }),
  z.object({ sentiment: z.enum(['positive', 'negative']) }),
]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;

/**
 * One editable scoring rule: when the condition holds, `points` (scaled by the signal's strength or
 * the archetype's probability) are added to `score`.
 */
export const ScoringRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  score: ScoreIdSchema,
  when: RuleConditionSchema,
  points: z.number().min(-100).max(100),
  label: LocalizedSchema,
});
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;

export const ScoringRulesSchema = z.object({
  version: z.number().int().min(1),
  base: z.object({ readiness: z.number(), funDriveRisk: z.number(), lossRisk: z.number(), potential: z.number() }),
  rules: z.array(ScoringRuleSchema).min(1),
});
export type ScoringRules = z.infer<typeof ScoringRulesSchema>;

/**
 * The deterministic extractor's lexicon: for each qualitative signal, the Polish and English terms
 * that show it and how strongly (0–1). Rules mode reads signals from here instead of from a model.
 */
export const SignalLexiconSchema = z.array(
  z.object({
    id: SignalIdSchema,
    terms: z.array(z.object({ term: TermSchema, strength: z.number().min(0.05).max(1) })).min(3),
  }),
);
export type SignalLexicon = z.infer<typeof SignalLexiconSchema>;

/** The pack as loaded: its archetypes, modules and scoring rules. */
export const KnowledgePackSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().min(1),
  name: LocalizedSchema,
  archetypes: z.array(ArchetypeSchema).length(10),
  modules: z.array(KnowledgeModuleSchema).length(12),
  signals: SignalLexiconSchema,
  scoring: ScoringRulesSchema,
});
export type KnowledgePack = z.infer<typeof KnowledgePackSchema>;

/** One retrievable passage: a fact, a strategy or a playbook line, with where it came from. */
export const KnowledgeEntrySchema = z.object({
  id: z.string().min(1).max(200),
  module: ModuleIdSchema.nullable(),
  archetypes: z.array(ArchetypeIdSchema),
  language: LanguageSchema,
  text: z.string().min(1),
  source: z.string().min(1),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

/** A passage chosen for a prompt, with why it was chosen. */
export const PassageSchema = KnowledgeEntrySchema.extend({
  score: z.number(),
  via: z.enum(['keyword', 'vector', 'both']),
});
export type Passage = z.infer<typeof PassageSchema>;

export const KnowledgeSearchInputSchema = z.object({
  query: z.string().trim().min(1).max(2000),
  limit: z.number().int().min(1).max(50).default(8),
});
