import { z } from 'zod';
import type { ListRow } from '../storage/db';
import type { ScoredAccount } from './companies';

/** What the options page asks its accounts worker (checked with zod in the worker) and what the worker answers. */
export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('score'), id: z.number(), now: z.number() }),
  z.object({ type: z.literal('import'), id: z.number(), name: z.string().min(1).max(300), source: z.string().max(2000), url: z.string().max(2000).optional(), text: z.string(), at: z.string(), overrides: z.record(z.string(), z.string()).optional() }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export type WorkerModelInfo = { id: string; name: string; tiers: { id: string; label: string }[] };

export type WorkerResponse =
  | { type: 'progress'; id: number; done: number; total: number; phase: string }
  | { type: 'scored'; id: number; accounts: ScoredAccount[]; models: WorkerModelInfo[] }
  | { type: 'imported'; id: number; list: ListRow }
  | { type: 'error'; id: number; error: string };
