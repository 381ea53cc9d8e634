// Plain constants of the protocol, kept free of zod so that the visitor app can import them cheaply.
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export const roles = ['counselor', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];
