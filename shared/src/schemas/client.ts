import { z } from 'zod';
import { IdSchema, PageInputSchema, pageOf, shortText } from './common';

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** How to reach a client; every field optional, because a walk-in may give only a name. */
export const ContactSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+\d][\d\s()./-]*$/, 'Phone may hold digits, spaces and + ( ) . / - only')
    .optional(),
  company: optionalText(200),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ClientCreateInputSchema = z.object({
  name: shortText(200),
  contact: ContactSchema.default({}),
});
export type ClientCreateInput = z.infer<typeof ClientCreateInputSchema>;

export const ClientUpdateInputSchema = z.object({
  id: IdSchema,
  name: shortText(200).optional(),
  contact: ContactSchema.optional(),
});
export type ClientUpdateInput = z.infer<typeof ClientUpdateInputSchema>;

export const ClientListInputSchema = PageInputSchema.extend({
  /** Matches name, e-mail, phone or company, case- and diacritics-insensitively. */
  search: z.string().trim().max(200).optional(),
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
});
export type ClientListInput = z.infer<typeof ClientListInputSchema>;

export const ClientSchema = z.object({
  id: IdSchema,
  name: z.string(),
  contact: ContactSchema,
  ownerId: IdSchema,
  archived: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Client = z.infer<typeof ClientSchema>;

export const ClientPageSchema = pageOf(ClientSchema);
export type ClientPage = z.infer<typeof ClientPageSchema>;

export const ByIdInputSchema = z.object({ id: IdSchema });
export type ByIdInput = z.infer<typeof ByIdInputSchema>;
