// Admission work: before a conversation enters the queue, the visitor's page solves a small proof of work
// issued by the server (ALTCHA-style: find `number` in [0, maxNumber] with SHA-256(salt + number) = target,
// hex). The salt carries its expiry and what it is bound to; the signature is the server's HMAC over it all.
import { z } from 'zod';

export interface WorkChallengeView {
  algorithm: 'SHA-256';
  salt: string;
  /** Hex SHA-256 of salt + the secret number. */
  target: string;
  /** The search space; the expected work is half of it. */
  maxNumber: number;
  signature: string;
}

export const workSolutionSchema = z
  .object({
    salt: z.string().min(1).max(200),
    number: z.number().int().min(0).max(100_000_000),
    signature: z.string().min(1).max(200),
  })
  .strict();

export type WorkSolution = z.infer<typeof workSolutionSchema>;

/** The difficulty as supervisors see it on the board, and why it last moved. */
export interface AdmissionWorkView {
  maxNumber: number;
  /** Seconds a low-end phone takes on average, and at worst, for this search space. */
  lowEndPhoneSeconds: { expected: number; worst: number };
  reason: 'rest' | 'surge' | 'calming' | 'raid-floor';
  /** When the difficulty last moved (ISO). */
  since: string;
  surge: boolean;
  /** Admitted starts per minute, over the last minute and as the helpline's calm baseline. */
  admittedPerMinute: number;
  baselinePerMinute: number;
}
