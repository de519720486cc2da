import { z } from 'zod';
import { failure } from './failure';

/** Every answer is `{ ok: true, ...data }` or `{ ok: false, error }`: the shapes the contracts are built from. */
export { failure };
export const success = <S extends z.ZodRawShape>(shape: S) => z.object({ ok: z.literal(true), ...shape }).strict();
/** The answer to a request whose success carries `shape`. */
export const answer = <S extends z.ZodRawShape>(shape: S) => z.union([success(shape), failure]);
export type ErrorResponse = z.output<typeof failure>;

export { describeZodError, type Contract, type MessageSpec } from './contract';
