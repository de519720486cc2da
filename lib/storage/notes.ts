import { z } from 'zod';
import { factSchema, isFactName, type CompanyFacts } from '../facts/vocabulary';
import { checkRow } from './check-row';
import { nowIso, type IcpDb, type NoteRow } from './db';

/** A stored note (with its id), read back checked. With `field` and `value` it is an answer to a fact. */
export type Note = NoteRow & { id: number };

export type NewNote = Omit<Note, 'id' | 'at'> & { at?: string };

const noteRowSchema = z.object({
  id: z.number().int(),
  accountKey: z.string().min(1),
  field: z.string().optional(),
  value: z.unknown().optional(),
  text: z.string().optional(),
  author: z.string().optional(),
  at: z.string(),
});

/** What a new note must be: some text, or a fact answer whose value fits the fact. */
export const newNoteSchema = z
  .object({
    accountKey: z.string().min(1).max(300),
    field: z.string().refine(isFactName, 'unknown fact').optional(),
    value: z.unknown().optional(),
    text: z.string().max(5000).optional(),
    author: z.string().max(200).optional(),
    at: z.string().max(40).optional(),
  })
  .strict()
  .transform((note, ctx) => {
    if (note.field === undefined && note.value !== undefined) ctx.addIssue({ code: 'custom', path: ['field'], message: 'an answer needs the fact it answers' });
    if (note.field !== undefined) {
      const checked = factSchema(note.field)?.safeParse(note.value);
      if (!checked?.success)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid value for ${note.field}: ${checked?.error.issues.map((i) => i.message).join('; ') ?? ''}` });
      else note.value = checked.data;
    }
    if (note.field === undefined && !note.text?.trim()) ctx.addIssue({ code: 'custom', path: ['text'], message: 'a note needs text or an answer' });
    return note;
  });

/** Adds a note or an answer; throws a zod error on a malformed one (callers validate user input first). */
export async function addNote(db: IcpDb, note: NewNote): Promise<Note> {
  const checked = newNoteSchema.parse(note);
  const row: NoteRow = { ...dropUndefined(checked), at: checked.at ?? nowIso() };
  const id = await db.notes.add(row);
  return { ...row, id };
}

/** Notes of one or more accounts (the same company under several keys), oldest first. */
export async function getNotes(db: IcpDb, accountKeys: string | string[]): Promise<Note[]> {
  const keys = [...new Set(typeof accountKeys === 'string' ? [accountKeys] : accountKeys)];
  if (keys.length === 0) return [];
  // A card asks for a company's few keys: one exact read per key, side by side. anyOf walks a cursor from one key to
  // the next, a round trip to the database per step, over whatever other accounts' notes lie between them.
  const rows =
    keys.length <= 8
      ? (await Promise.all(keys.map((key) => db.notes.where('accountKey').equals(key).toArray()))).flat()
      : await db.notes.where('accountKey').anyOf(keys).toArray();
  const notes = rows.map((row) => checkRow(db, 'notes', row, noteRowSchema)).filter((n): n is Note => n !== undefined);
  return oldestFirst(notes);
}

const oldestFirst = (notes: Note[]) => notes.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);

/**
 * The user's latest answer per fact, as facts with a `user` source. An answer whose value no longer fits its fact
 * is skipped and reported.
 */
export async function getAnswers(db: IcpDb, accountKeys: string | string[]): Promise<CompanyFacts> {
  return answersOf(db, await getNotes(db, accountKeys));
}

/**
 * The same from notes read in parts (the card reads the record's own notes beside its other reads, then those of
 * the company's other records once it has found them): each note once, oldest first.
 */
export function answersOf(db: IcpDb, ...parts: Note[][]): CompanyFacts {
  const notes = parts.length === 1 ? parts[0] : oldestFirst([...new Map(parts.flat().map((n) => [n.id, n])).values()]);
  const facts: Record<string, { value: unknown; source: { kind: 'user'; detail?: string; at: string } }> = {};
  for (const note of notes) {
    if (note.field === undefined || note.value === undefined) continue;
    const value = factSchema(note.field)?.safeParse(note.value);
    if (!value?.success) {
      db.reportProblem({ table: 'notes', key: String(note.id), message: `answer for ${note.field} is not a valid value` });
      continue;
    }
    // Oldest first, so a later answer overwrites an earlier one.
    facts[note.field] = { value: value.data, source: { kind: 'user', ...(note.author ? { detail: note.author } : {}), at: note.at } };
  }
  return facts as CompanyFacts;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
